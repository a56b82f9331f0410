# the interpreter running itself through subprocess (sys.executable): what the test suite's
# script_helper does
import subprocess
import sys

r = subprocess.run([sys.executable, '-c', 'print(1)'], capture_output=True)
print(r.returncode, r.stdout, r.stderr)
r = subprocess.run([sys.executable, '-c', 'import sys; sys.stderr.write("e\\n"); sys.exit(4)'], capture_output=True)
print(r.returncode, r.stdout, r.stderr)
print(subprocess.check_output([sys.executable, '-c', 'print(input().upper())'], input=b'shout\n'))
