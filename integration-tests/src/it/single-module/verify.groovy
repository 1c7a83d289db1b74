// Woven at build time: the program runs on the event loop, the two downloads interleaved.
def log = new File(basedir, 'build.log').text
assert log.contains('Checked 2 source files: 0 errors, 0 warnings')
assert log =~ /Woven 1 classes \(\d+ unchanged\)/
assert log.contains('Tests run: 1, Failures: 0, Errors: 0')
// the exec goal's banner (Maven 3.8 names the plugin's artifact, Maven 3.9 its prefix)
def start = log.indexOf('--- exec-maven-plugin')
if (start < 0) start = log.indexOf('--- exec:')
def run = log.substring(start)
def lines = run.readLines().findAll { it ==~ /(start|done|results) .*/ }
assert lines == ['start slow', 'start fast', 'done fast', 'done slow', 'results [SLOW, FAST]'] : lines
def classes = new File(basedir, 'target/classes/demo')
assert new File(classes, 'Downloads$download$Coroutine.class').isFile()
assert new File(classes, 'Downloads$main$Coroutine.class').isFile()
assert new File(basedir, 'target/test-classes/demo/DownloadsTest$twice$Coroutine.class').isFile()
assert new File(basedir, 'target/jasyncio/weave-main.state').text.contains('demo/Downloads.class=')
// the second build recompiled nothing, so both goals found every class as they had left it
def second = log.substring(log.lastIndexOf('Checked 2 source files'))
assert second =~ /Woven 0 classes \(3 unchanged\)/
assert second =~ /Woven 0 classes \(2 unchanged\)/
return true
