# type(name, bases, ns): the best base (its __base__) and lay-out conflicts, __slots__ naming
# __dict__ or __weakref__ a base already gives, names and docstrings that cannot be UTF-8, a
# qualname of its own, and an OrderedDict namespace copied in its own order.
import collections

def attempt(f):
    try:
        r = f()
        print('ok', r)
    except Exception as e:
        print(type(e).__name__, e)

class B:
    def ham(self):
        return 'ham%d' % self
C = type('C', (B, int), {})
print(C.__base__, C.__bases__, C(42).ham())
class S:
    __slots__ = ('a',)
print(type('D', (B, S), {}).__base__, type('E', (S, B), {}).__base__)
attempt(lambda: type('A', (int, str), {}))
attempt(lambda: type('A', (KeyError, AttributeError), {}).__base__)
attempt(lambda: type('A', (B,), {'__slots__': '__dict__'}))
attempt(lambda: type('A', (B,), {'__slots__': '__weakref__'}))
attempt(lambda: type('A', (int,), {'__slots__': ('__weakref__',)}))
attempt(lambda: type('A', (Exception,), {'__slots__': ('__dict__',)}))
attempt(lambda: type('A', (S,), {'__slots__': ('__dict__', '__weakref__')}).__name__)
attempt(lambda: type('A\udcdcB', (), {}))
attempt(lambda: type('A', (), {'__doc__': 'x\udcdcy'}))
attempt(lambda: type('A', (), {'__doc__': b'x'}).__doc__)
T = type('T', (), {})
for name in ('A\udcdcB', 'A\x00B', b'A', 'New'):
    try:
        T.__name__ = name
    except Exception as e:
        print(type(e).__name__, e)
    print(T.__name__, T.__qualname__)
od = collections.OrderedDict([('a', 1), ('b', 2)])
od.move_to_end('a')
print(list(type('O', (), od).__dict__.items())[:2])
print(dict(od), {**od})
d = {}
d.update(od)
print(d)
