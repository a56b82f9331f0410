# Drives an interactive interpreter through a pseudo-terminal, as a user at a terminal would:
# waits for each prompt, types the next line, ends with Ctrl-D; prints the transcript (CRLF
# made LF, terminal escapes removed) and the exit status. Usage: repl_pty.py INPUTS_FILE CMD...
import os, pty, re, select, sys

inputs = open(sys.argv[1]).read().split('\n')
if inputs and inputs[-1] == '':
    inputs.pop()
pid, fd = pty.fork()
if pid == 0:
    os.environ['TERM'] = 'dumb'
    os.execvp(sys.argv[2], sys.argv[2:])
out = b''

def wait_prompt():
    """Reads until the output ends with a prompt; False at end of output."""
    global out
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            return False
        if not chunk:
            return False
        out += chunk
        if out.endswith(b'>>> ') or out.endswith(b'... '):
            return True

wait_prompt()
for line in inputs:
    os.write(fd, line.encode() + b'\n')
    if not wait_prompt():
        break
os.write(fd, b'\x04')
while True:
    r, _, _ = select.select([fd], [], [])
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
_, status = os.waitpid(pid, 0)
text = re.sub(r'\x1b\[[0-9;?]*[a-zA-Z]', '', out.decode()).replace('\r\n', '\n')
sys.stdout.write(text)
print('[exit %d]' % os.waitstatus_to_exitcode(status))
