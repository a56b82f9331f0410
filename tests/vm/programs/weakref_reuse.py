# weakref.ref(o) and weakref.proxy(o) without a callback hand out the same object each time;
# references with callbacks and subclass instances are always new; getweakrefs lists the
# basic reference, the basic proxy, then the others newest first
import weakref


class O:
    pass


class MyRef(weakref.ref):
    pass


def quiet(r):
    pass


o = O()
r1 = weakref.ref(o)
p1 = weakref.proxy(o)
print(weakref.ref(o) is r1, weakref.ref(o, None) is r1, weakref.proxy(o) is p1, weakref.proxy(o, None) is p1)
cb = weakref.ref(o, quiet)
cb2 = weakref.ref(o, quiet)
mine = MyRef(o)
print(cb is r1, cb2 is cb, mine is r1, weakref.getweakrefcount(o))
names = {id(r1): "r1", id(p1): "p1", id(cb): "cb", id(cb2): "cb2", id(mine): "mine"}
print([names[id(r)] for r in weakref.getweakrefs(o)])

o2 = O()
a = MyRef(o2)
b = weakref.ref(o2, quiet)
c = weakref.proxy(o2)
d = weakref.ref(o2)
e = weakref.ref(o2, quiet)
f = weakref.proxy(o2, quiet)
order = {id(a): "a", id(b): "b", id(c): "c", id(d): "d", id(e): "e", id(f): "f"}
print([order[id(r)] for r in weakref.getweakrefs(o2)], weakref.getweakrefcount(o2))
