# weak references die with their referents after gc.collect(); callbacks run after the collection
import _weakref, gc

class Node:
    def __init__(self, name):
        self.name = name

a = Node("a")
r = _weakref.ref(a)
print(r() is a, r().name, type(r).__name__, _weakref.ref is _weakref.ReferenceType)
seen = []
def on_death(ref):
    seen.append(ref is r2)
r2 = _weakref.ref(a, on_death)
print(r2.__callback__ is on_death, r.__callback__)
print(_weakref.getweakrefcount(a), len(_weakref.getweakrefs(a)))
print(r == r2, hash(r) == hash(a))
del a
gc.collect()
print(r(), r2(), seen, r2.__callback__)
print(r == r2, r == r)

# refusals, as CPython
for v in (1, "s", (1,), None, [1], {}, b"x", 1.5):
    try:
        _weakref.ref(v)
        print("ok", type(v).__name__)
    except TypeError as e:
        print(e)
class L(list):
    pass
print(_weakref.ref(L())() is None or True)

# subclass with extra state (as weakref.KeyedRef)
class Keyed(_weakref.ref):
    __slots__ = ("key",)
    def __new__(cls, ob, callback, key):
        self = _weakref.ref.__new__(cls, ob, callback)
        self.key = key
        return self
    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)
b = Node("b")
keys = []
k = Keyed(b, lambda wr: keys.append(wr.key), "the-key")
print(k().name, k.key, isinstance(k, _weakref.ref))
del b
gc.collect()
print(k(), keys)

# proxies
c = Node("c")
p = _weakref.proxy(c)
print(p.name, type(p).__name__)
p.name = "c2"
print(c.name)
class F:
    def __call__(self, x):
        return x * 2
f = F()
fp = _weakref.proxy(f)
print(fp(21), type(fp).__name__)
del c
gc.collect()
try:
    p.name
except ReferenceError as e:
    print("ReferenceError:", e)

# a callback that raises is reported, not raised
d = Node("d")
def bad(ref):
    raise ValueError("from callback")
rd = _weakref.ref(d, bad)
del d
gc.collect()
print("after bad callback", rd())

# many objects, some kept
objs = [Node(str(i)) for i in range(100)]
refs = [_weakref.ref(o) for o in objs]
keep = objs[::10]
del objs
gc.collect()
print(sum(1 for x in refs if x() is not None), [x().name for x in refs if x() is not None][:3])
