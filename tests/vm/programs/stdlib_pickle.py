# pickle and copyreg: round trips of builtin containers and plain class instances
import pickle
import copyreg
import io


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        return type(other) is Point and (self.x, self.y) == (other.x, other.y)

    def __repr__(self):
        return 'Point(%r, %r)' % (self.x, self.y)


class Slotted:
    __slots__ = ('a', 'b')

    def __init__(self, a, b):
        self.a = a
        self.b = b


class WithState:
    def __init__(self, v):
        self.v = v
        self.cache = 'expensive'

    def __getstate__(self):
        return {'v': self.v}

    def __setstate__(self, state):
        self.v = state['v']
        self.cache = 'rebuilt'


class Reduced:
    def __init__(self, n):
        self.n = n

    def __reduce__(self):
        return (Reduced, (self.n * 2,))


class MyList(list):
    pass


class MyDict(dict):
    pass


data = [
    None, True, False, 0, 1, -1, 255, 256, 65535, 65536, -2**31, 2**31, 2**63, -2**100, 10**30,
    0.0, 1.5, -2.25e300, float('inf'),
    '', 'abc', 'héllo €😀', 'a' * 300,
    b'', b'\x00\xffabc', bytearray(b'xyz'),
    (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4),
    [], [1, [2, [3]]], {}, {'a': 1, 2: 'b', (3, 4): [5]},
    set(), {1, 2, 3}, frozenset({'x'}),
    range(3), slice(1, 5, 2),
]
for proto in range(0, pickle.HIGHEST_PROTOCOL + 1):
    ok = []
    for obj in data:
        s = pickle.dumps(obj, protocol=proto)
        back = pickle.loads(s)
        ok.append(back == obj and type(back) is type(obj))
    print('protocol', proto, all(ok), [i for i, v in enumerate(ok) if not v])

for proto in range(0, pickle.HIGHEST_PROTOCOL + 1):
    p = pickle.loads(pickle.dumps(Point(1, [2, 3]), proto))
    print(proto, p, p == Point(1, [2, 3]), p.__dict__)
    s = pickle.loads(pickle.dumps(Slotted(1, 'two'), proto)) if proto >= 2 else None
    print(proto, s and (s.a, s.b))
    w = pickle.loads(pickle.dumps(WithState(7), proto))
    print(proto, w.v, w.cache)
    r = pickle.loads(pickle.dumps(Reduced(5), proto))
    print(proto, r.n)
    ml = MyList([1, 2])
    ml.tag = 'listy'
    b = pickle.loads(pickle.dumps(ml, proto))
    print(proto, type(b).__name__, b, b.tag)
    md = pickle.loads(pickle.dumps(MyDict(a=1), proto))
    print(proto, type(md).__name__, md)

# shared and recursive structures keep their identity
shared = [1, 2]
obj = [shared, shared]
back = pickle.loads(pickle.dumps(obj))
print(back, back[0] is back[1])
rec = []
rec.append(rec)
back = pickle.loads(pickle.dumps(rec))
print(back[0] is back)
d = {}
d['self'] = d
back = pickle.loads(pickle.dumps(d, 2))
print(back['self'] is back)

# the exact bytes of simple pickles match CPython's
for proto in range(6):
    print(proto, pickle.dumps([1, 'a', (None, True)], proto))
print(pickle.dumps({'k': 1.5}, 0))

# functions and classes pickle by reference
print(pickle.loads(pickle.dumps(len)) is len, pickle.loads(pickle.dumps(Point)) is Point)

# streams
f = io.BytesIO()
pickle.dump({'x': 1}, f)
pickle.dump([2], f)
f.seek(0)
print(pickle.load(f), pickle.load(f))
f = io.BytesIO()
p = pickle.Pickler(f, 2)
p.dump((1, 2))
print(pickle.Unpickler(io.BytesIO(f.getvalue())).load())

# copyreg
def reduce_point(pt):
    return (Point, (pt.y, pt.x))
copyreg.pickle(Point, reduce_point)
print(pickle.loads(pickle.dumps(Point(1, 2))))
print(copyreg.__newobj__.__name__, copyreg._reconstructor.__name__)

# errors
try:
    pickle.loads(b'')
except EOFError:
    print('EOFError')
try:
    pickle.dumps(lambda: 1)
except Exception as e:
    print(type(e).__name__)
