// Nothing was woven at build time; the agent wove the classes as they loaded.
def log = new File(basedir, 'build.log').text
assert log.contains('total 5 ticks 5')
assert log =~ /(?s)a 0.*a 1.*a 2/
assert log =~ /(?s)b 0.*b 1/
def classes = new File(basedir, 'target/classes/demo')
assert classes.list().toList() == ['Ticker.class']
assert !new String(new File(classes, 'Ticker.class').bytes, 'ISO-8859-1').contains('io/jasyncio/internal/Woven')
return true
