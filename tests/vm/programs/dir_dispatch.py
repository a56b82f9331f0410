# dir(o) calls o's type's __dir__ (a metaclass's for a class) and sorts what it returns; a
# module's own __dir__ function is used; an instance's __dict__ is listed, also for instances
# of subclasses of builtin types.
import enum
import sys
import types


class Meta(type):
    def __dir__(cls):
        return ['zeta', 'alpha', 'mid']


class WithMeta(metaclass=Meta):
    hidden = 1


class Own:
    def __dir__(self):
        return ('b', 'a', 'c')


class IntSub(int):
    pass


i = IntSub(5)
i.extra = 1
print(dir(WithMeta), dir(Own()), 'extra' in dir(i), 'hidden' in dir(WithMeta()))


class Color(enum.Enum):
    RED = 1
    GREEN = 2

    def describe(self):
        return self.name


print(dir(Color))


class Num(enum.IntEnum):
    ONE = 1


print('ONE' in dir(Num), 'bit_length' in dir(Num), '__qualname__' in dir(Num))

m = types.ModuleType('m')
m.x = 1
m.__dir__ = lambda: ['q', 'p']
print(dir(m))
try:
    class Bad:
        def __dir__(self):
            return 5
    dir(Bad())
except TypeError as e:
    print('TypeError', e)


def f():
    pass


f.attr = 1
print('attr' in dir(f))
print(dir(sys.modules[__name__]) == sorted(globals()))
