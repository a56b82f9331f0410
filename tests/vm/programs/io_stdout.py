# sys.stdout and sys.stderr as _io objects: bytes through .buffer after a flush stay in order
# with print (without the flush CPython's order depends on -u), print(file=...) to a StringIO,
# and swapping sys.stdout.
import sys, _io

print('text first')
sys.stdout.flush()
sys.stdout.buffer.write(b'bytes second\n')
sys.stdout.buffer.flush()
print('text third')
sys.stdout.write('written ' + str(sys.stdout.write('')) + '\n')
sys.stdout.flush()
print(isinstance(sys.stdout, _io.TextIOWrapper), sys.stdout.encoding, sys.stdout.fileno(), sys.stderr.fileno())
print(sys.stdout.name, sys.stdin.name, sys.stdout.mode, sys.stdout.writable(), sys.stdin.readable())
print(sys.__stdout__ is sys.stdout, sys.stdout.closed)
buf = _io.StringIO()
print('to the buffer', 1, 2, sep='-', file=buf)
old = sys.stdout
sys.stdout = buf
print('captured')
sys.stdout = old
print(repr(buf.getvalue()))
sys.stdout.writelines(['a\n', 'b\n'])
