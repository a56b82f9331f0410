# type.__flags__ (the bits a program can observe: heap type, abstract, the builtin-subclass bits),
# which inspect.isabstract reads.
import abc
import inspect


class Base(abc.ABC):
    @abc.abstractmethod
    def f(self):
        pass


class Impl(Base):
    def f(self):
        return 1


class Meta(type):
    pass


class MyInt(int):
    pass


def bits(t):
    f = t.__flags__
    return [bool(f & (1 << b)) for b in (9, 20, 24, 25, 28, 29, 30, 31)]


for t in (Base, Impl, Meta, MyInt, int, type, dict, KeyError, object):
    print(t.__name__, bits(t))
print(inspect.isabstract(Base), inspect.isabstract(Impl))
