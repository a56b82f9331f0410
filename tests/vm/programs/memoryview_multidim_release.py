# memoryview item access by a tuple of indices on a cast N-dim view, its errors, and a view
# released by the key's __index__ (or the value's __index__/__float__/__bool__) while being
# indexed: ValueError, and nothing written (CPython gh-92888).
import array


def show(f):
    try:
        r = f()
        print('ok', r)
    except (TypeError, ValueError, IndexError, NotImplementedError) as e:
        print(type(e).__name__ + ':', e)


m = memoryview(bytearray(range(12))).cast('B', (3, 4))
show(lambda: m[1, 2])
show(lambda: m[-1, -1])
show(lambda: m[2, 4])
show(lambda: m[3, 0])
show(lambda: m[1])
show(lambda: m[1, 2, 3])
show(lambda: m[0:1, 0:1])
show(lambda: m[0, 0:1])
m[2, 3] = 99
print(m.tolist())
show(lambda: m.__setitem__((0,), 1))
show(lambda: m.__setitem__(0, 1))
show(lambda: m.__setitem__((slice(None), slice(None)), b'x'))

a = array.array('i', range(6))
mi = memoryview(a).cast('B').cast('i', (2, 3))
print(mi[1, 1], mi.shape, mi.format)
mi[1, 1] = -7
print(a)

z = memoryview(b'\x05').cast('B', ())
print(z[()], z.ndim)
show(lambda: z[0])

size = 16


def fresh(fmt='B', shape=None):
    m = memoryview(bytearray(b'\xff' * size))
    return m.cast(fmt) if shape is None else m.cast(fmt, shape)


class Releaser:
    def __init__(self, value):
        self.value = value

    def release(self):
        view.release()

    def __index__(self):
        self.release()
        return 4

    def __float__(self):
        self.release()
        return 4.25

    def __bool__(self):
        self.release()
        return True


view = fresh()
show(lambda: view[Releaser(4)])
view = fresh()
show(lambda: list(view[:Releaser(4)]))
view = fresh('B', (4, 4))
show(lambda: view[Releaser(4), 0])
view = fresh()
show(lambda: view.__setitem__(Releaser(4), 42))
view = fresh()
show(lambda: view.__setitem__(slice(0, Releaser(4)), b'spam'))
for fmt in 'bhilqBHILQ':
    view = fresh(fmt)
    show(lambda: view.__setitem__(0, Releaser(4)))
for fmt in 'fd':
    view = fresh(fmt)
    show(lambda: view.__setitem__(0, Releaser(4)))
view = fresh('?')
show(lambda: view.__setitem__(0, Releaser(4)))

d = memoryview(bytearray(8)).cast('d')


class F:
    def __float__(self):
        return 2.5


d[0] = F()
print(d[0])
show(lambda: d.__setitem__(0, 'x'))
