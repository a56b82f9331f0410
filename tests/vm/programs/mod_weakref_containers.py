# WeakSet (_weakrefset) and the pieces of WeakValueDictionary / WeakKeyDictionary that _weakref
# gives weakref.py (KeyedRef-style subclass callbacks, _remove_dead_weakref): entries whose
# objects died go away after gc.collect().
import gc
from _weakref import ref, _remove_dead_weakref
from _weakrefset import WeakSet

class Item:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return f"Item({self.n})"

items = [Item(i) for i in range(6)]
ws = WeakSet(items)
print(len(ws), items[4] in ws, Item(9) in ws)
del items[::2]
gc.collect()
print(sorted(x.n for x in ws), len(ws))
ws2 = WeakSet(items[:1])
print(sorted(x.n for x in ws | ws2), ws2 <= ws, ws.isdisjoint(WeakSet()))
items.clear()
gc.collect()
print(len(ws), len(ws2), list(ws))

# a value dictionary as weakref.WeakValueDictionary builds it
class KeyedRef(ref):
    __slots__ = ("key",)
    def __new__(cls, ob, callback, key):
        self = ref.__new__(cls, ob, callback)
        self.key = key
        return self
    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)

data = {}
def remove(wr):
    _remove_dead_weakref(data, wr.key)
vals = [Item(i) for i in range(4)]
for v in vals:
    data[v.n] = KeyedRef(v, remove, v.n)
del v
def show():
    # looked at in a function: what it held is gone when it returns
    print(sorted(data), data[2]())
show()
del vals[1:3]
gc.collect()
print(sorted(data), [data[k]().n for k in sorted(data)])

# a key dictionary: the dict is keyed by references, equal while their referents live
kd = {}
def drop(wr):
    del kd[wr]
keys = [Item(i) for i in range(3)]
for k in keys:
    kd[ref(k, drop)] = k.n * 10
del k
print(kd[ref(keys[1])], len(kd))
keys.pop(0)
gc.collect()
print(sorted(kd.values()), len(kd))

# _remove_dead_weakref leaves live references alone
d2 = {"x": ref(keys[0])}
_remove_dead_weakref(d2, "x")
_remove_dead_weakref(d2, "missing")
print(list(d2))
