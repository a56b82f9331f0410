# Private name mangling: inside class C, `__x` means `_C__x` (CPython's rules).
class C:
    __a = 1
    __dunder__ = 'kept'
    def __init__(self):
        self.__x = 5
    def get(self):
        return self.__x, C.__a, self._C__x
    def __priv(self):
        return 'p'
    def call(self):
        return self.__priv()
    def args(self, __k, *, __kw=3):
        return __k, __kw
    def lam(self):
        f = lambda: self.__x * 2
        return f(), [self.__x + i for i in range(2)]
    def glob(self):
        global __g
        __g = 'global'
        return __g

c = C()
print(c.get(), c.call(), hasattr(c, '__x'), '_C__x' in c.__dict__, '_C__a' in C.__dict__)
print(sorted(k for k in C.__dict__ if 'priv' in k or 'dunder' in k))
print(C.args.__code__.co_varnames)
print(c.args(1), c.lam(), c.glob(), '_C__g' in globals())
print(C._C__priv.__name__, C._C__priv.__qualname__)
try:
    c.__x
except AttributeError as e:
    print('AttributeError:', e)

class _Under:
    def __init__(self):
        self.__y = 1
print(list(vars(_Under())))

class ___:
    def __init__(self):
        self.__z = 1
print(list(vars(___())))

class Outer:
    class __Inner:
        __v = 2
        def get(self):
            return self.__v
    def make(self):
        return self.__Inner().get()
    def nested(self):
        def f():
            return self.__secret
        self.__secret = 'closure'
        return f()
o = Outer()
print(o.make(), o.nested(), Outer._Outer__Inner.__name__)

class Sub(C):
    def peek(self):
        try:
            return self.__x
        except AttributeError as e:
            return str(e)
print(Sub().peek())

class M:
    def m(self, v):
        match v:
            case [__first, *__rest]:
                return __first, __rest
            case {'k': __val, **__others}:
                return __val, __others
print(M().m([1, 2, 3]), M().m({'k': 1, 'j': 2}))
print([n for n in M.m.__code__.co_varnames if '__' in n])

class I:
    import math as __m
    def use(self):
        return self.__m.floor(2.5)
print(I().use(), hasattr(I, '_I__m'))

class E:
    def f(self):
        try:
            raise ValueError('v')
        except ValueError as __err:
            return repr(__err)
print(E().f(), E.f.__code__.co_varnames)
