// @Async on a method returning String is refused at its line, saying what to return instead.
def log = new File(basedir, 'build.log').text
assert log =~ /\[ERROR\] \S*src\/main\/java\/demo\/Bad\.java:6: in demo\.Bad\.name\(\): .*Coroutine/
assert log.contains('jasyncio weaving found 1 error')
return true
