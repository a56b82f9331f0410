# A class statement's __qualname__ (nested in a class or a function) is the class's own: shown by
# repr and the property errors, settable only to a str, not inherited by subclasses or seen on
# instances; builtin types are immutable.
class A:
    class B:
        def f(self):
            pass

    def g(self):
        class C:
            pass
        return C


print(A.B.__qualname__, A.B.f.__qualname__, A().g().__qualname__)
print(repr(A.B).endswith(".A.B'>"), repr(A().g()).endswith(".A.g.<locals>.C'>"))


class Sub(A.B):
    pass


print(Sub.__qualname__, '__qualname__' in A.B.__dict__)
try:
    A.B().__qualname__
except AttributeError as e:
    print('AttributeError', e)

A.B.__qualname__ = 'Other.Name'
print(A.B.__qualname__, A.B.__name__, repr(A.B).endswith(".Other.Name'>"))
A.B.__name__ = 'Renamed'
print(A.B.__name__, Sub.__name__)
for bad in [lambda: setattr(A.B, '__qualname__', 5), lambda: setattr(A.B, '__name__', None),
            lambda: delattr(A.B, '__qualname__'), lambda: delattr(A.B, '__name__'),
            lambda: setattr(int, 'foo', 1), lambda: delattr(str, 'join'),
            lambda: setattr(object, '__repr__', None), lambda: type('X', (), {'__qualname__': 3})]:
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)

print(type('X', (), {'__qualname__': 'Y.Z'}).__qualname__)


class Holder:
    class cls:
        pass
    cls.foo = property()


try:
    Holder.cls().foo
except AttributeError as e:
    print('AttributeError', e)
