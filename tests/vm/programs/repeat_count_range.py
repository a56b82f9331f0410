# Repeat counts past the VM's exact machine range: within ssize_t a non-empty sequence cannot be
# that long (MemoryError) and an empty one stays empty; past ssize_t, OverflowError.
import array
import sys


def show(f):
    try:
        r = f()
        print('ok', r)
    except (MemoryError, OverflowError) as e:
        print(type(e).__name__, e)


for big in (sys.maxsize // 3 + 1, sys.maxsize, 2 ** 62, 2 ** 64, -2 ** 62, -2 ** 64):
    print('count', big)
    show(lambda: array.array('d', [2.5, 3.5, -1]) * big)
    show(lambda: big * array.array('b', [1]))
    show(lambda: array.array('d') * big)
    show(lambda: [1] * big)
    show(lambda: [] * big)
    show(lambda: (1,) * big)
    show(lambda: () * big)
    show(lambda: b'a' * big)
    show(lambda: b'' * big)
    show(lambda: 'a' * big)
    show(lambda: '' * big)

a = array.array('d', [-1] * 65536)
try:
    a *= sys.maxsize // 65536 + 1
except MemoryError:
    print('MemoryError', len(a))
