# type(name, bases, ns) called from a module: the class's __module__ is the caller's __name__.
A = type('A', (), {})
print(A.__module__, repr(A), A.__qualname__)
B = type('B', (A,), {'__module__': 'elsewhere', 'x': 1})
print(B.__module__, repr(B), B.x)


def make():
    return type('Local', (), {})


L = make()
print(L.__module__, L.__name__)


class Meta(type):
    pass


M = Meta('M', (), {})
print(M.__module__, type(M).__name__)
print(type('N', (), {}).__dict__['__module__'])
