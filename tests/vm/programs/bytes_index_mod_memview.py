import sys, pickle, copy
class Indexable:
    def __init__(self, value=0):
        self.value = value
    def __index__(self):
        return self.value
b = bytearray(b'hello')
b.append(Indexable(ord('A')))
b.insert(0, Indexable(ord('B')))
b.extend([Indexable(ord('a'))])
b.remove(Indexable(ord('e')))
b[1] = Indexable(10)
print(b, bytes([Indexable(65)]), bytearray([Indexable(66)]))
for f in (lambda: bytes([-sys.maxsize]), lambda: bytes([2**100]), lambda: bytearray([2**100]), lambda: bytes([1.0]),
          lambda: b.__setitem__(0, 2**100), lambda: b.append(2**100), lambda: b.append(1.0), lambda: b.append('a'),
          lambda: b.append(Indexable(256))):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
class X:
    def __index__(self):
        a.clear()
        return 42
a = [X(), X()]
print(bytes(a))
a = [X(), X()]
print(bytearray(a))
print(b'...%(f(o)o)b...' % {b'f(o)o': b'abc', b'foo': b'bar'}, '%(f(o)o)s' % {'f(o)o': 1})
for fmt in ('%(a', '%(a(b)'):
    for f in (lambda: fmt % {'a': 1}, lambda: fmt.encode() % {b'a': 1}):
        try:
            print(f())
        except Exception as e:
            print(type(e).__name__, e)
print(b'abc'.__rmod__('%r'), bytearray(b'abc').__rmod__('%r'), b'abc'.__rmod__(b'%s'))
try:
    object() % b'abc'
except TypeError as e:
    print(e)
m = memoryview(b'abcdef')
h = hash(m)
m.release()
print(hash(m) == h == hash(b'abcdef'))
m = memoryview(b'abcdef')
m.release()
try:
    hash(m)
except ValueError as e:
    print(e)
m = memoryview(b'abc')
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    try:
        pickle.dumps(m, proto)
    except TypeError as e:
        print(proto, e)
try:
    copy.copy(m)
except TypeError as e:
    print(e)
for f in (lambda: memoryview(b'x', argument=True), lambda: memoryview(argument=b'x'), lambda: memoryview(), lambda: memoryview(b'x', b'x')):
    try:
        f()
    except TypeError as e:
        print(e)
print(memoryview(object=b'xy').tobytes())
