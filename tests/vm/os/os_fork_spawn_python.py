# os.fork, os.execv and the os.spawn* functions os.py builds on them, os.register_at_fork,
# os.statvfs/fstatvfs and os.pathconf/fpathconf (translated only: Node cannot fork)
import os
import sys

os.register_at_fork(before=lambda: print('before'), after_in_parent=lambda: print('parent'))
pid = os.fork()
if pid == 0:
    os._exit(7)
_, status = os.waitpid(pid, 0)
print('fork', os.WEXITSTATUS(status), os.waitstatus_to_exitcode(status))

code = 'import sys; sys.exit(3)'
print('spawnv', os.spawnv(os.P_WAIT, sys.executable, [sys.executable, '-c', code]))
print('spawnl', os.spawnl(os.P_WAIT, sys.executable, sys.executable, '-c', code))
env = dict(os.environ, SPAWN_X='42')
print('spawnve', os.spawnve(os.P_WAIT, sys.executable, [sys.executable, '-c', 'import os, sys; sys.exit(int(os.environ["SPAWN_X"]))'], env))
pid = os.spawnv(os.P_NOWAIT, sys.executable, [sys.executable, '-c', 'pass'])
print('nowait', os.waitpid(pid, 0)[1])
print('spawnvp', os.spawnvp(os.P_WAIT, 'sh', ['sh', '-c', 'exit 5']))
print('missing', os.spawnv(os.P_WAIT, '/nonexistent/program', ['x']))

st = os.statvfs('.')
print('statvfs', type(st).__name__, len(st), st.f_bsize > 0, st.f_namemax > 0, type(st.f_fsid).__name__)
fd = os.open('.', os.O_RDONLY)
print('fstatvfs', os.fstatvfs(fd).f_bsize == st.f_bsize)
print('pathconf', os.pathconf('.', 'PC_NAME_MAX') == os.fpathconf(fd, os.pathconf_names['PC_NAME_MAX']))
os.close(fd)
try:
    os.pathconf('.', 'PC_NOPE')
except ValueError as e:
    print(e)
try:
    os.statvfs('/nonexistent')
except FileNotFoundError as e:
    print('statvfs', e.errno, e.filename)

# os.open's descriptors are not inheritable, as CPython's
fd = os.open('.', os.O_RDONLY)
print('inheritable', os.get_inheritable(fd))
os.set_inheritable(fd, True)
print('inheritable', os.get_inheritable(fd))
os.close(fd)
