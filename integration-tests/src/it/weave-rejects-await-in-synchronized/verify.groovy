// The weave goal names the source line of the misuse and fails the build with the count.
def log = new File(basedir, 'build.log').text
assert log =~ /\[ERROR\] \S*src\/main\/java\/demo\/Bad\.java:11: in demo\.Bad\.guarded\(\): .*synchronized/
assert log.contains('jasyncio weaving found 1 error')
assert !new File(basedir, 'target/classes/demo/Bad$guarded$Coroutine.class').exists()
return true
