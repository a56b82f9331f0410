# platform: posix
# Several megabytes through a non-blocking socket pair the way asyncio's transports move them:
# send() from the front of a bytearray write buffer, `del buf[:n]` what it took, recv() into a
# reader's bytearray. Each send takes part of the buffer; the bytes arrive whole and in order.
import select
import socket

a, b = socket.socketpair()
a.setblocking(False)
b.setblocking(False)
data = bytes(range(256)) * (12 * 1024)  # 3 MiB
out = bytearray(data)
got = bytearray()
sends = 0
while out or len(got) < len(data):
    r, w, _ = select.select([b], [a] if out else [], [], 5)
    if a in w:
        n = a.send(out)
        assert 0 < n <= len(out)
        del out[:n]
        sends += 1
    if b in r:
        chunk = b.recv(256 * 1024)
        assert type(chunk) is bytes and chunk
        got.extend(chunk)
print(len(got), got == data, sends > 1)
a.close()
print(b.recv(10))
b.close()

# the in-place moves under those deletes and slice assignments
x = bytearray(b'0123456789')
del x[:3]
print(x)
del x[2:4]
print(x)
del x[5:]
print(x)
del x[::2]
print(x)
y = bytearray(b'abcdef')
y[1:3] = b'XYZW'
print(y)
y[0:5] = b'-'
print(y)
y[2:2] = y
print(y)
y[len(y):] = b'!'
print(y)
del y[-2:-5]
print(y)
