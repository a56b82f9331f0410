# WeakValueDictionary, WeakKeyDictionary and WeakSet drop entries whose objects died
import weakref, gc

class Item:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return f"Item({self.n})"

items = [Item(i) for i in range(6)]
wv = weakref.WeakValueDictionary()
wk = weakref.WeakKeyDictionary()
ws = weakref.WeakSet()
for it in items:
    wv[it.n] = it
    wk[it] = it.n * 10
    ws.add(it)
print(len(wv), len(wk), len(ws))
print(wv[3], wk[items[2]], items[4] in ws)
del it
del items[::2]
gc.collect()
print(sorted(wv.keys()), sorted(wk.values()), sorted(x.n for x in ws))
print(wv.get(0), 1 in wv, 0 in wv)
items.clear()
gc.collect()
print(len(wv), len(wk), len(ws), list(wv.items()))

r = weakref.ref(wv)
print(r() is wv)
m = Item(7)
fin = weakref.finalize(m, print, "finalized", 7)
print(fin.alive)
del m
gc.collect()
print(fin.alive)

class A:
    def method(self):
        return "m"
a = A()
wm = weakref.WeakMethod(a.method)
print(wm()())
del a
gc.collect()
print(wm())
