# __del__ runs once an object is unreachable: printed only after gc.collect(), since CPython runs
# it at once by reference counting and pyvm at the next collection.
import gc
import sys
import weakref

log = []


class Res:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append('del ' + self.name)


def flush(label):
    gc.collect()
    print(label, sorted(log))
    log.clear()


r = Res('a')
flush('alive')
del r
flush('dropped')

# a cycle with a finalizer (PEP 442: collected, __del__ once)
a = Res('cyc1')
b = Res('cyc2')
a.other = b
b.other = a
del a, b
flush('cycle')

# objects reachable from a finalizable one live until its finalizer ran
class Holder:
    def __init__(self, payload):
        self.payload = payload

    def __del__(self):
        log.append('holder sees ' + self.payload.name)


h = Holder(Res('inner'))
del h
flush('holder')

# resurrection: __del__ stores self; it is not finalized a second time
saved = []


class Phoenix:
    def __del__(self):
        log.append('phoenix')
        saved.append(self)


p = Phoenix()
del p
flush('resurrected')
print(len(saved))
saved.clear()
flush('second death')

# the weak reference to a finalized object is dead once gc.collect() returns
def weak_to_new():
    return weakref.ref(Res('weak'))


w = weak_to_new()
flush('weak')
print(w() is None)

# an exception in __del__ is reported through sys.unraisablehook, not raised
class Bad:
    def __del__(self):
        raise ValueError('boom')


seen = []
sys.unraisablehook = lambda u: seen.append((u.exc_type.__name__, str(u.exc_value), u.err_msg, u.object is Bad.__del__))
x = Bad()
del x
gc.collect()
sys.unraisablehook = sys.__unraisablehook__
print(seen)

# a subclass inherits __del__; a list subclass too
class Sub(Res):
    pass


class L(list):
    def __del__(self):
        log.append('list %d' % len(self))


s = Sub('sub')
l = L([1, 2, 3])
del s, l
flush('subclasses')
