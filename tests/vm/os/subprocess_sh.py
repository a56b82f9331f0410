# subprocess over _posixsubprocess.fork_exec, running /bin/sh and cat (host programs, so the
# same under qemu-user): pipes, stderr, exit codes, input, env, cwd, and the errors the child
# reports through the errpipe
import os
import subprocess
import sys

r = subprocess.run(['/bin/sh', '-c', 'echo out; echo err >&2; exit 3'], capture_output=True)
print(r.returncode, r.stdout, r.stderr)
r = subprocess.run(['/bin/sh', '-c', 'echo both; echo err >&2'], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
print(r.returncode, r.stdout, r.stderr)
print(subprocess.check_output(['cat'], input=b'fed through stdin\n'))
print(subprocess.check_output(['/bin/sh', '-c', 'echo "$PYVM_T"'], env={'PYVM_T': 'from env', 'PATH': '/bin:/usr/bin'}))
print(subprocess.check_output(['pwd'], cwd='/'))
print(subprocess.run(['/bin/sh', '-c', 'kill -9 $$']).returncode)
print(subprocess.call(['true']), subprocess.call(['false']))
print(subprocess.getoutput('echo via shell'))
print(subprocess.run('echo $((6 * 7))', shell=True, capture_output=True, text=True).stdout)
try:
    subprocess.check_call(['/bin/sh', '-c', 'exit 5'])
except subprocess.CalledProcessError as e:
    print('CalledProcessError', e.returncode, e)
try:
    subprocess.run(['/nonexistent/program'])
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno, e.strerror, e.filename)
try:
    subprocess.run(['true'], cwd='/nonexistent/dir')
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno, e.strerror, e.filename)
import tempfile
with tempfile.TemporaryDirectory() as d:
    plain = os.path.join(d, 'not-executable')
    with open(plain, 'w') as f:
        f.write('data\n')
    try:
        subprocess.run([plain])
    except PermissionError as e:
        print('PermissionError', e.errno, e.filename == plain)

p = subprocess.Popen(['cat'], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
p.stdin.write(b'line one\nline two\n')
p.stdin.close()
print(p.stdout.read())
p.stdout.close()
print(p.wait(), p.returncode)

p = subprocess.Popen(['/bin/sh', '-c', 'read x; echo "got $x"'], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
out, err = p.communicate('hello\n')
print(repr(out), err, p.returncode)

p = subprocess.Popen(['sleep', '10'])
print(p.poll())
p.kill()
print(p.wait())

try:
    subprocess.run(['sleep', '10'], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print('TimeoutExpired', e.cmd)

r, w = os.pipe()
print(os.get_inheritable(r), os.get_inheritable(w))
os.write(w, b'through a pipe')
os.close(w)
print(os.read(r, 100), os.read(r, 100))
os.close(r)
fd = os.dup(1)
print(os.get_inheritable(fd), os.get_blocking(fd))
os.set_inheritable(fd, True)
print(os.get_inheritable(fd))
os.close(fd)
sys.stdout.flush()
