# sockets on loopback in one process: a socketpair echo, TCP and UDP over 127.0.0.1, a UNIX
# socket, timeouts and non-blocking calls, select/poll/epoll and selectors
import errno
import os
import select
import selectors
import socket
import tempfile

a, b = socket.socketpair()
print(int(a.family), int(a.type), a.proto == 0, a.gettimeout(), a.getblocking())
a.sendall(b'ping')
print(b.recv(100))
b.send(b'pong' * 3)
print(a.recv(5), a.recv(100))
print(select.select([a, b], [a], [], 0) == ([], [a], []))
b.send(b'x')
r, w, x = select.select([a, b], [], [], 1.0)
print(r == [a], w, x)
print(a.recv(1))

names = {a.fileno(): 'a', b.fileno(): 'b'}
p = select.poll()
p.register(a, select.POLLIN)
p.register(b.fileno(), select.POLLOUT)
print(sorted((names[fd], ev) for fd, ev in p.poll(0)))
b.send(b'y')
print(sorted((names[fd], ev) for fd, ev in p.poll(1000)))
p.unregister(b)
print(p.poll(0) == [(a.fileno(), select.POLLIN)])
try:
    p.modify(b, select.POLLIN)
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno)
print(a.recv(1))

if hasattr(select, 'epoll'):
    ep = select.epoll()
    ep.register(a.fileno(), select.EPOLLIN)
    print(ep.poll(0))
    b.send(b'z')
    print(ep.poll(1) == [(a.fileno(), select.EPOLLIN)])
    try:
        ep.register(a.fileno(), select.EPOLLIN)
    except FileExistsError as e:
        print('FileExistsError', e.errno)
    ep.close()
    print(ep.closed)
    try:
        ep.poll(0)
    except ValueError as e:
        print('ValueError', e)
    print(a.recv(1))
else:
    print('no epoll')

a.setblocking(False)
print(a.getblocking(), a.gettimeout())
try:
    a.recv(10)
except BlockingIOError as e:
    print('BlockingIOError', e.errno == errno.EAGAIN)
a.settimeout(0.05)
try:
    a.recv(10)
except socket.timeout as e:
    print('timeout', e)
b.close()
a.settimeout(None)
print(a.recv(10))
a.close()
print(a.fileno())
try:
    a.recv(1)
except OSError as e:
    print('OSError', e.errno)

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print(srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
srv.bind(('127.0.0.1', 0))
srv.listen()
host, port = srv.getsockname()
print(host, port > 0)
cli = socket.create_connection((host, port))
conn, addr = srv.accept()
print(addr[0], addr[1] == cli.getsockname()[1], cli.getpeername() == (host, port))
cli.sendall(b'hello over tcp')
print(conn.recv(100))
conn.sendall(b'and back')
print(cli.recv(100))
cli.shutdown(socket.SHUT_WR)
print(conn.recv(100))
f = conn.makefile('rwb')
f.write(b'line via makefile\n')
f.flush()
print(cli.makefile('rb').readline())
f.close()
conn.close()
cli.close()
bad = socket.socket()
print(bad.connect_ex(('127.0.0.1', port)) in (0, errno.ECONNREFUSED))
bad.close()
srv.close()
c2 = socket.socket()
try:
    c2.connect(('127.0.0.1', port))
    print('connected?')
except ConnectionRefusedError as e:
    print('ConnectionRefusedError', e.errno)
c2.close()

u1 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u1.bind(('127.0.0.1', 0))
u2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u2.sendto(b'datagram', u1.getsockname())
data, addr = u1.recvfrom(100)
print(data, addr[0], addr[1] == u2.getsockname()[1])
u1.close()
u2.close()

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'sock')
    us = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    us.bind(path)
    us.listen(1)
    print(us.getsockname() == path)
    uc = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    uc.connect(path)
    uconn, _ = us.accept()
    uc.sendall(b'unix')
    print(uconn.recv(10))
    for s in (uconn, uc, us):
        s.close()

sel = selectors.DefaultSelector()
a, b = socket.socketpair()
sel.register(a, selectors.EVENT_READ, 'data-a')
print(sel.select(0))
b.send(b'!')
print([(k.data, ev) for k, ev in sel.select(1)])
sel.close()
a.close()
b.close()
for bad in ((1, 2), ('127.0.0.1',), '127.0.0.1'):
    s = socket.socket()
    try:
        s.bind(bad)
    except TypeError as e:
        print('TypeError', e)
    s.close()
s = socket.socket()
try:
    s.bind(('127.0.0.1', 70000))
except OverflowError as e:
    print('OverflowError', e)
s.close()
