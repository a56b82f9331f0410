# obj.__class__ = cls: between class statements' classes of the same layout (builtin base and
# __slots__), or ModuleType subclasses; attributes are kept and methods come from the new class.
import sys
import types


def t(f):
    try:
        f()
        print('ok')
    except TypeError as e:
        print('TypeError', e)


class A:
    def who(self):
        return 'A'


class B:
    def who(self):
        return 'B'


class S:
    __slots__ = ('a',)


class S2:
    __slots__ = ('a',)


class L(list):
    pass


class L2(list):
    def total(self):
        return sum(self)


a = A()
a.x = 1
a.__class__ = B
print(type(a).__name__, a.who(), a.x, isinstance(a, B), isinstance(a, A))
for v, o in [(1, A()), (int, A()), (A, 1), (S, A()), (L, A()), (object, A())]:
    t(lambda: setattr(o, '__class__', v))
s = S()
s.a = 3
s.__class__ = S2
print(type(s).__name__, s.a)
lst = L([1, 2])
lst.__class__ = L2
print(type(lst).__name__, lst.total())


class MyModule(types.ModuleType):
    def hello(self):
        return 'hello from ' + self.__name__


m = types.ModuleType('mm')
m.__class__ = MyModule
print(m.hello())
sys.modules[__name__].__class__ = MyModule
print(sys.modules[__name__].hello())
