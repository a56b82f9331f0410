# the array module: typecodes, methods, operators, buffer protocol, pickling, errors
import array

def t(label, f):
    try:
        r = f()
        print(label, type(r).__name__, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

print(array.typecodes, array.ArrayType is array.array)
for tc in 'bBhHiIlLqQfd':
    a = array.array(tc, [1, 2, 3])
    print(tc, a.typecode, a.itemsize, len(a), a, a.tolist(), a[1], a[-1], a[::2], len(a.tobytes()))

for tc, v in [('b', 200), ('b', -200), ('B', 256), ('B', -1), ('h', 40000), ('h', -40000), ('H', 70000), ('H', -1),
              ('i', 2**40), ('i', -2**40), ('I', 2**40), ('I', -1), ('l', 2**63), ('L', 2**64), ('L', -1),
              ('q', 2**63), ('q', -2**63 - 1), ('Q', 2**64), ('Q', -1), ('i', 1.5), ('i', 'a'), ('d', 'x'),
              ('u', 'ab'), ('u', 1), ('b', True), ('d', 3), ('q', -2**63), ('Q', 2**64 - 1)]:
    t('value %s %r' % (tc, v), lambda: array.array(tc, [v]))
t('f big', lambda: array.array('f', [1e300]))
t('f round', lambda: array.array('f', [0.1]))
t('bad typecode', lambda: array.array('x'))
t('typecode int', lambda: array.array(1))
t('typecode long', lambda: array.array('ii'))
t('str init', lambda: array.array('i', 'abc'))
t('no args', lambda: array.array())

a = array.array('i', range(5))
a.append(10); print(a)
a.extend([11, 12]); print(a)
a.extend(array.array('i', [13])); print(a)
t('extend kind', lambda: a.extend(array.array('b', [1])))
a.insert(0, -1); a.insert(-1, 99); a.insert(100, 100); print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
t('pop empty', lambda: array.array('i').pop())
t('pop range', lambda: a.pop(50))
a.remove(3); print(a)
t('remove missing', lambda: a.remove(42))
print(a.index(11), a.count(2), 4 in a, 42 in a)
t('index missing', lambda: a.index(42))
t('index start', lambda: a.index(0, 1))
a.reverse(); print(a)
a[0] = 7; a[-1] = 8; print(a)
t('setitem range', lambda: a.__setitem__(0, 2**40))
t('setitem index', lambda: a.__setitem__(50, 1))
a[1:3] = array.array('i', [20, 21, 22]); print(a)
a[::2] = array.array('i', [0] * len(a[::2])); print(a)
t('slice list', lambda: a.__setitem__(slice(0, 1), [5]))
t('slice kind', lambda: a.__setitem__(slice(0, 1), array.array('b', [5])))
t('ext slice size', lambda: a.__setitem__(slice(None, None, 2), array.array('i', [1])))
del a[0]; print(a)
del a[::2]; print(a)
del a[-1:]; print(a)
print(a + array.array('i', [1]), a * 2, 2 * a, a * 0)
t('add list', lambda: a + [1])
t('add kind', lambda: a + array.array('b'))
b = a
b += array.array('i', [5]); print(a is b, a)
b *= 2; print(a is b, a)
t('iadd list', lambda: a.__iadd__([1]))
print(array.array('i', [1, 2]) < array.array('i', [1, 3]), array.array('i', [1, 2]) == array.array('d', [1.0, 2.0]),
      array.array('b', [1]) >= array.array('b', [1, 0]), array.array('i') == [], array.array('i', [1]) != array.array('i', [1]))
# (CPython names the type 'array.array' in this message; pyvm says 'array')
try:
    array.array('i') < [1]
except TypeError:
    print('order list TypeError')
print(list(array.array('h', [5, 6])), [x for x in reversed(array.array('h', [5, 6]))], sum(array.array('d', [0.5, 0.25])))

h = array.array('h', [1, 256, -2])
print(h.tobytes())
h.byteswap(); print(h)
h.frombytes(b'\x01\x00'); print(h)
t('frombytes odd', lambda: h.frombytes(b'abc'))
h.fromlist([7, 8]); print(h)
t('fromlist tuple', lambda: h.fromlist((1,)))
t('fromlist bad', lambda: h.fromlist([1, 'x']))
print(h)
print(h.buffer_info()[1], type(h.buffer_info()[0]).__name__)
print(array.array('b', b'\x01\xff'), array.array('B', bytearray(b'\x01\x02')), array.array('i', array.array('b', [1, 2])))
t('unicode to int', lambda: array.array('b', array.array('u', 'ab')))

u = array.array('u', 'héllo')
print(u, u.tounicode(), len(u), u[1], u.itemsize)
u.fromunicode('!'); u.append('?'); print(u)
t('tounicode int', lambda: array.array('i').tounicode())
t('fromunicode int', lambda: array.array('i').fromunicode('a'))
print(array.array('u'), array.array('d'), repr(array.array('f', [0.5])))

m = memoryview(array.array('h', [1, -2, 3]))
print(m.format, m.itemsize, m.tolist(), m.nbytes, len(m))
arr = array.array('i', [1, 2, 3])
mv = memoryview(arr)
mv[0] = 100
print(arr, bytes(arr)[:4], bytearray(array.array('B', [65, 66])))
print(mv == arr, mv.tolist() == arr.tolist())

# pickling: what pickle does with __reduce_ex__ (pickle itself needs _codecs)
for proto in range(0, 6):
    f, fargs, state = array.array('d', [1.5, -2.0]).__reduce_ex__(proto)
    p = f(*fargs)
    print(proto, p, type(p).__name__, state)
print(array.array('i', [1, 2]).__reduce_ex__(2))
print(array.array('i', [1, 2]).__reduce_ex__(3))
# what copy.copy and copy.deepcopy call (copy itself needs complex)
c = arr.__copy__(); c[0] = 0; print(arr[0], c)
d = arr.__deepcopy__({}); print(d == arr, d is arr)
t('hash', lambda: hash(array.array('i')))
print(array.array('b', [4, 5]).__len__(), array.array('b', [4, 5]).__getitem__(-1), array.array('b', [4, 5]).__getitem__(slice(1, None)))
