# __doc__ is found on every object: a class without a docstring has its own __doc__ None (not
# its base's), an instance reads its class's, and instances of builtin types have one too
# (email._policybase reads attr.__doc__ of every class attribute, booleans among them).
class X:
    pass


class Y:
    "doc y"


class Z(Y):
    pass


class G:
    def __getattr__(self, name):
        return 'getattr ' + name


print(X().__doc__, X.__doc__, Y().__doc__, Y.__doc__, Z.__doc__, Z().__doc__)
print('__doc__' in X.__dict__, Z.__dict__['__doc__'], G().__doc__, G().other)
for o in [True, 1, 1.5, 'x', b'x', [], (), {}, set(), None, 1j, range(2), object(), X()]:
    d = o.__doc__
    print(type(o).__name__, d is None or d == type(o).__doc__)


def f():
    "f doc"


print(f.__doc__, (lambda: 0).__doc__, property(doc='p').__doc__)
