# Only type itself has the one-argument form; a metaclass's M(x) is type.__new__ with too few
# arguments. A metaclass need not be a type: its __prepare__ is asked all the same, and a bad
# namespace is reported in CPython's words.
class M(type):
    pass


class N(type, metaclass=M):
    pass


print(type(5) is int, type('x'))
for call in (lambda: M(5), lambda: N(5), lambda: type(), lambda: type(1, 2), lambda: M('A', (), {}, 4)):
    try:
        print(call())
    except TypeError as e:
        print(e)
print(M('A', (), {}).__name__)


class BadMeta(type):
    @classmethod
    def __prepare__(*args):
        return None


try:
    class Foo(metaclass=BadMeta):
        pass
except TypeError as e:
    print(e)


class NotAType:
    @classmethod
    def __prepare__(cls, name, bases, **kw):
        print('prepare', name, bases, kw)
        return {'injected': 1}

    def __call__(self, name, bases, ns, **kw):
        return (name, bases, sorted(ns), kw)


class Bar(metaclass=NotAType(), flag=True):
    x = 1


print(Bar)


class BadNotAType:
    @classmethod
    def __prepare__(*args):
        return None


try:
    class Baz(metaclass=BadNotAType()):
        pass
except TypeError as e:
    print(e)
