# types.MethodType(callable, instance) binds any callable to any object (unittest.mock's patch
# decorator binds its wrappers this way), with CPython's argument checks.
import types


class Box:
    def __init__(self, v):
        self.v = v


def get(self, extra=0):
    return self.v + extra


b = Box(40)
m = types.MethodType(get, b)
print(m(), m(2), m.__self__ is b, m.__func__ is get, type(m) is types.MethodType)
print(types.MethodType(len, [1, 2, 3])())


class Callable:
    def __call__(self, *args):
        return args


m2 = types.MethodType(Callable(), "self")
print(m2(1, 2))
for args in ((get,), (get, b, 1), (1, b), (get, None)):
    try:
        types.MethodType(*args)
    except TypeError as e:
        print("TypeError", e)
try:
    types.MethodType(get, instance=b)
except TypeError as e:
    print("TypeError", e)
print(types.MethodType.__new__(types.MethodType, get, b)(1))
