// The check goal fails at process-sources, before compiling, naming file:line:column and the rule.
def log = new File(basedir, 'build.log').text
assert log =~ /\[ERROR\] \S*src\/main\/java\/demo\/Bad\.java:8:9: await-outside-async: .+ \S{1,3} .+/
assert log.contains('jasyncio check found 1 error')
assert !new File(basedir, 'target/classes').exists()
return true
