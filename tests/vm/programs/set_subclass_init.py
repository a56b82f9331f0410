# set.__init__ fills a set subclass (set.__new__ leaves it empty), subclass instances carry
# attributes, frozenset keeps its identity, and the arguments are checked as CPython's.
class S(set):
    pass

s = S('simsalabim')
print(type(s).__name__, sorted(s), len(s))
s.__init__('abc')
print(sorted(s))
s.__init__(s)  # emptied before the iterable is read
print(sorted(s))
s.x = 5
print(s.x, s.__dict__)
print(type(S('ab').union('c')).__name__, type(S('ab').copy()).__name__)

for args, kw in [(([], 2), {}), ((), {'a': 1})]:
    try:
        S(*args, **kw)
    except TypeError as e:
        print('S:', e)
for call in (lambda: set().__init__(a=1), lambda: set.__init__(frozenset()), lambda: set([], 2), lambda: set(x=1)):
    try:
        call()
    except TypeError as e:
        print(e)


class F(frozenset):
    pass

print(sorted(F('cab')), F('a').__class__.__name__)
for args, kw in [(([], 2), {}), ((), {'sequence': ()})]:
    try:
        F(*args, **kw)
    except TypeError as e:
        print('F:', e)
f = frozenset('ab')
print(frozenset(f) is f, f.copy() is f, F(f) is f, type(F('a').copy()).__name__)


class WithInit(set):
    def __init__(self, arg, newarg=None):
        super().__init__(arg)
        self.newarg = newarg

w = WithInit([1, 2], newarg=3)
print(sorted(w), w.newarg)


class WithNew(set):
    def __new__(cls, arg, newarg=None):
        self = super().__new__(cls, arg)
        self.newarg = newarg
        return self

n = WithNew([1, 2])
print(sorted(n), n.newarg)
try:
    WithNew([1, 2], newarg=3)
except TypeError as e:
    print(e)
