// blocking-call is a warning here and dropped-coroutine is off: the build passes and says so.
def log = new File(basedir, 'build.log').text
assert log =~ /\[WARNING\] \S*src\/main\/java\/demo\/Lenient\.java:8:9: blocking-call: /
assert !log.contains('Lenient.java:15:')
assert !log.contains('dropped-coroutine')
assert log.contains('Checked 1 source files: 0 errors, 1 warnings')
return true
