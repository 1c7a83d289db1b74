// Each module is checked and woven against its own class path, including the sibling's classes.
def log = new File(basedir, 'build.log').text
assert log.contains('greetings [hi, there, HELLO, WORLD!]')
assert new File(basedir, 'greeter/target/classes/demo/greeter/Greeter$greet$Coroutine.class').isFile()
assert new File(basedir, 'app/target/classes/demo/app/App$LoudGreeter$greet$Coroutine.class').isFile()
assert (log =~ /Woven 1 classes/).count == 1
assert (log =~ /Woven 2 classes/).count == 1
return true
