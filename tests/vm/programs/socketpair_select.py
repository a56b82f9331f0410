# platform: posix
# A connected AF_UNIX socket pair polled with select, poll and selectors (what asyncio's self-pipe
# is): readiness follows the bytes queued, a non-blocking receive from an empty end raises
# BlockingIOError, and the peer's close or shutdown reads as end of file.
import select
import selectors
import socket

a, b = socket.socketpair()
print(a.family == socket.AF_UNIX, a.type == socket.SOCK_STREAM)
a.setblocking(False)
b.setblocking(False)
print(a.getblocking(), a.gettimeout())
r, w, x = select.select([a, b], [a], [], 0)
print(len(r), len(w), len(x))
try:
    a.recv(10)
except BlockingIOError as e:
    print('BlockingIOError', e.errno)
print(b.send(b'hello'))
r, _, _ = select.select([a, b], [], [], 0.01)
print([s is a for s in r])
print(a.recv(3), a.recv(10))
print(select.select([a], [], [], 0.01)[0])

p = select.poll()
p.register(a.fileno(), select.POLLIN)
print(p.poll(0))
b.sendall(b'xy')
print([(fd == a.fileno(), ev & select.POLLIN) for fd, ev in p.poll(10)])
print(a.recv(100))

sel = selectors.DefaultSelector()
sel.register(a, selectors.EVENT_READ, 'a-data')
print(sel.select(0))
b.send(b'!')
print([(key.data, ev) for key, ev in sel.select(0.01)])
print(a.recv(1))
sel.unregister(a)
sel.close()

b.shutdown(socket.SHUT_WR)
print(a.recv(10))
b.close()
print(a.recv(10))
a.close()
print(a.fileno(), b.fileno())
