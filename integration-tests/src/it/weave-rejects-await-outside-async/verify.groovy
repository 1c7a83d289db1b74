// The weave goal names the source line of the misuse and fails the build with the count.
def log = new File(basedir, 'build.log').text
assert log =~ /\[ERROR\] \S*src\/main\/java\/demo\/Bad\.java:8: in demo\.Bad\.notAsync\(\): .*not @Async/
assert log.contains('jasyncio weaving found 1 error')
assert !new File(basedir, 'target/classes/demo/Bad$notAsync$Coroutine.class').exists()
return true
