# reversed(): __length_hint__ (asking the sequence's length again), __reversed__ = None blocks
# it, and it takes no keywords.
import operator

for s in ('hello', tuple('hello'), list('hello'), range(5)):
    r = reversed(s)
    print(operator.length_hint(r), r.__length_hint__())
    next(r)
    print(operator.length_hint(r))
    list(r)
    print(operator.length_hint(r))


class Weird:
    called = False

    def __len__(self):
        if not self.called:
            self.called = True
            return 10
        raise ZeroDivisionError('len again')

    def __getitem__(self, index):
        return index

r = reversed(Weird())
try:
    operator.length_hint(r)
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)

shrink = list(range(6))
r = reversed(shrink)
del shrink[2:]
print(operator.length_hint(r), list(r))


class Blocked:
    def __getitem__(self, i):
        return 1

    def __len__(self):
        return 2
    __reversed__ = None

for call in (lambda: reversed(Blocked()), lambda: reversed([], a=1)):
    try:
        call()
    except TypeError as e:
        print(e)
