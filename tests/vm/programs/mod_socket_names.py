# _socket's name and address functions, select's constants, posix's wait-status macros and
# sys.platlibdir: what socket.py, selectors.py and subprocess.py need at import, without any
# system call (so the same on every target, translated or not)
import sys
import os
import socket
import select
import selectors

print(sys.platlibdir, repr(sys.abiflags))
for st in (0, 256, 0x7f00, 9, 0x8b, 0x137f, 0xffff):
    print(hex(st), os.WIFEXITED(st), os.WEXITSTATUS(st), os.WIFSIGNALED(st), os.WTERMSIG(st),
          os.WIFSTOPPED(st), os.WSTOPSIG(st), os.WIFCONTINUED(st), os.WCOREDUMP(st))
for st in (0, 256, 9, 0x8b):
    print(os.waitstatus_to_exitcode(st))
try:
    os.waitstatus_to_exitcode(0x137f)
except ValueError as e:
    print('ValueError', e)
print(os.WNOHANG, os.WUNTRACED)

print(int(socket.AF_INET), int(socket.AF_INET6), int(socket.AF_UNIX), int(socket.SOCK_STREAM), int(socket.SOCK_DGRAM))
print(socket.AF_INET, socket.SOCK_STREAM, f"{socket.AF_UNIX}")
print(repr(socket.AF_INET), repr(socket.SOCK_DGRAM))
print(socket.SOL_SOCKET, socket.SO_REUSEADDR, socket.IPPROTO_TCP, socket.TCP_NODELAY, socket.SHUT_RDWR)
print(socket.timeout is TimeoutError, socket.error is OSError, issubclass(socket.gaierror, OSError))
print(socket.htons(0x1234) == (0x3412 if sys.byteorder == 'little' else 0x1234), socket.ntohl(socket.htonl(0x12345678)) == 0x12345678)
for bad in (-1, 65536):
    try:
        socket.htons(bad)
    except OverflowError as e:
        print('OverflowError', e)

for a in ('127.0.0.1', '0.0.0.0', '255.255.255.255', '10.1.2.3'):
    p = socket.inet_aton(a)
    print(a, p, socket.inet_ntoa(p), socket.inet_pton(socket.AF_INET, a) == p)
for a in ('127.1', '0x7f.1', '1.2.3', '017.0.0.1'):
    print(a, socket.inet_aton(a))
for a in ('1.2.3.256', '1.2.3.4.5', 'x', '', '1..2.3'):
    try:
        socket.inet_aton(a)
        print('accepted', a)
    except OSError as e:
        print(repr(a), 'OSError', e)
for a in ('01.2.3.4', '1.2.3', '256.1.1.1'):
    try:
        socket.inet_pton(socket.AF_INET, a)
        print('accepted', a)
    except OSError as e:
        print(repr(a), 'OSError', e)
for a in ('::', '::1', '1::', '2001:db8::1', '2001:db8:0:0:1:0:0:1', 'fe80::1:2:3:4', '::ffff:10.0.0.1',
          '::10.0.0.1', '1:2:3:4:5:6:7:8', '1:0:0:4:0:0:0:8', '0:0:1::', 'ABCD:ef::'):
    p = socket.inet_pton(socket.AF_INET6, a)
    print(a, p.hex(), socket.inet_ntop(socket.AF_INET6, p))
for a in ('1:2:3:4:5:6:7:8:9', ':::', '1::2::3', '12345::', 'g::', '1:2:3:4:5:6:7'):
    try:
        socket.inet_pton(socket.AF_INET6, a)
        print('accepted', a)
    except OSError as e:
        print(repr(a), 'OSError', e)
try:
    socket.inet_ntop(socket.AF_INET6, b'123')
except ValueError as e:
    print('ValueError', e)
try:
    socket.inet_ntoa(b'12345')
except OSError as e:
    print('OSError', e)

for args in (('127.0.0.1', 80, socket.AF_INET), ('127.0.0.1', 'http', socket.AF_INET, socket.SOCK_STREAM),
             ('::1', 8080, socket.AF_INET6, socket.SOCK_DGRAM), ('10.0.0.1', None, 0, socket.SOCK_STREAM),
             (None, 443, socket.AF_INET, socket.SOCK_STREAM, 0, socket.AI_PASSIVE)):
    print(socket.getaddrinfo(*args))
try:
    socket.getaddrinfo(None, None)
except socket.gaierror as e:
    print('gaierror', e.errno, e)
try:
    socket.getaddrinfo('127.0.0.1', 80, socket.AF_INET6)
except socket.gaierror as e:
    print('gaierror', e.errno)
print(socket.gethostbyname('127.0.0.1'), socket.getnameinfo(('127.0.0.1', 80), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))
print(isinstance(socket.gethostname(), str))

print(select.POLLIN, select.POLLOUT, select.POLLERR, select.POLLHUP, select.POLLNVAL, select.error is OSError)
print(selectors.EVENT_READ, selectors.EVENT_WRITE)
try:
    select.select([-1], [], [], 0)
except ValueError as e:
    print('ValueError', e)
try:
    select.select([], [], [], -1)
except ValueError as e:
    print('ValueError', e)
try:
    select.select([object()], [], [], 0)
except TypeError as e:
    print('TypeError', e)
