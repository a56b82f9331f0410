# A special method set to None refuses its operation with CPython's TypeError
# (iter() of such an object used to dereference a missing result and crash).
class NoIter:
    def __getitem__(self, i):
        return i
    __iter__ = None

class NoContains:
    def __iter__(self):
        return iter([1, 2])
    __contains__ = None

for f in (lambda: iter(NoIter()), lambda: list(NoIter()), lambda: 3 in NoIter(), lambda: 1 in NoContains()):
    try:
        print(f())
    except TypeError as e:
        print('TypeError:', e)
print(list(NoContains()))
import os
class NoPath:
    __fspath__ = None
try:
    os.fspath(NoPath())
except TypeError as e:
    print('TypeError:', e)
