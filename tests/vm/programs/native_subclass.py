# Python subclasses of enumerate, array.array and collections.deque: instances are of the
# subclass, keep attributes, and use the subclass's methods.
import array
from collections import deque

class MyEnum(enumerate):
    def tagged(self):
        return [(self.tag, i, x) for i, x in self]

e = MyEnum('ab', start=3)
e.tag = 't'
print(type(e).__name__, isinstance(e, enumerate), e.tagged())
print(list(MyEnum([5, 6])))

class Arr(array.array):
    def total(self):
        return sum(self)

a = Arr('i', [1, 2, 3])
a.note = 'n'
a.append(4)
print(type(a).__name__, a.total(), a.note, len(a), a[1], list(a))
print(a.__dict__)
del a.note
print(hasattr(a, 'note'))

class Arr2(array.array):
    def __init__(self, typecode, data, extra=None):
        self.extra = extra

b = Arr2('d', [1.5], extra=7)
print(b.extra, b.tolist(), repr(b))

class Dq(deque):
    pass

d = Dq([1, 2], maxlen=3)
d.x = 1
d.append(3)
d.append(4)
print(type(d).__name__, list(d), d.maxlen, d.x)
try:
    class Bad(type(None)):
        pass
except TypeError as err:
    print(err)
try:
    e.nope
except AttributeError as err:
    print(err)
