# list and tuple subclasses: keywords are refused unless the subclass's own __init__ / __new__
# takes them (CPython's list___init__ and tuple_new checks).
def show(f):
    try:
        r = f()
        print(type(r).__name__, list(r), getattr(r, 'newarg', None))
    except TypeError as e:
        print('TypeError', e)

for base in (list, tuple):
    class subclass(base):
        pass
    class with_init(base):
        def __init__(self, seq, newarg=None):
            if base is list:
                super().__init__(seq)
            self.newarg = newarg
    class with_new(base):
        def __new__(cls, seq, newarg=None):
            self = super().__new__(cls, seq)
            self.newarg = newarg
            return self
    show(lambda: subclass([1, 2]))
    show(lambda: subclass(sequence=()))
    show(lambda: base(sequence=()))
    show(lambda: with_init([1, 2], newarg=3))
    show(lambda: with_new([1, 2], newarg=3))
    show(lambda: subclass([1], [2]))

try:
    list.__init__([], sequence=3)
except TypeError as e:
    print('TypeError', e)
try:
    list.__init__([], 1, 2)
except TypeError as e:
    print('TypeError', e)
x = [5]
list.__init__(x, (1, 2))
print(x)
