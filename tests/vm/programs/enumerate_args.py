# enumerate's arguments: keywords, a start of any size or with __index__, and CPython's errors
# (the builtin type's vectorcall words and a subclass's Argument Clinic ones).
import pickle
import sys

e = enumerate('abc', sys.maxsize + 1)
print(next(e), e.__reduce__()[1][1])
print(list(pickle.loads(pickle.dumps(e))))
print(list(enumerate('ab', start=2**53 - 2)))
print(list(enumerate(iterable='ab', start=-2**60)))
print(list(enumerate(start=1, iterable='ab')))


class I:
    def __index__(self):
        return 7

print(list(enumerate('a', I())))
cases = [((), {}), (('abc', 2, 3), {}), (('abc', 'a'), {}), ((), {'iterable': [], 'x': 3}), ((), {'x': 0}),
         ((), {'start': 0}), (([],), {'iterable': []}), ((1,), {})]
for args, kw in cases:
    try:
        enumerate(*args, **kw)
    except TypeError as err:
        print(err)


class E(enumerate):
    pass

for args, kw in [((), {}), (('abc', 2, 3), {}), ((), {'x': 0}), ((), {'start': 0}), (([],), {'iterable': []})]:
    try:
        E(*args, **kw)
    except TypeError as err:
        print('E:', err)
print(list(E('ab', 1)), list(E(iterable='ab', start=sys.maxsize)))
