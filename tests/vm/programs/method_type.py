# types.MethodType(callable, instance) binds any callable to any object, with CPython's argument
# checks: unittest.mock's patch binds its wrappers this way, contextlib's ExitStack binds
# __exit__ by hand, and weakref.WeakMethod rebuilds its method so.
import contextlib
import types
import weakref


class Box:
    def __init__(self, v):
        self.v = v


def get(self, extra=0):
    return self.v + extra


b = Box(40)
m = types.MethodType(get, b)
print(m(), m(2), m(extra=3), m.__self__ is b, m.__func__ is get, type(m) is types.MethodType)
print(types.MethodType(len, [1, 2, 3])())
print(types.MethodType(lambda self, y: self * y, 3)(4))


class Callable:
    def __call__(self, *args):
        return args


print(types.MethodType(Callable(), "self")(1, 2))
for args, kw in [((get,), {}), ((get, b, 1), {}), ((1, b), {}), ((get, None), {}),
                 ((get,), {"instance": b}), ((), {"f": len, "x": 1}), ((), {})]:
    try:
        types.MethodType(*args, **kw)
    except TypeError as e:
        print("TypeError", e)
print(types.MethodType.__new__(types.MethodType, get, b)(1))


class A:
    def f(self, x):
        return (type(self).__name__, x)


a = A()
print(type(a.f)(A.f, a)(2), types.MethodType(A.f, a).__func__ is A.f)

r = weakref.WeakMethod(a.f)
print(r()(5), r() == a.f, r.__class__.__name__)
calls = []
b2 = A()
r2 = weakref.WeakMethod(b2.f, calls.append)
print(r2() is not None, r2()(6), calls)

# bound methods compare by the object they bind (identity) and their function
c = A()
print(c.f == c.f, c.f != c.f, hash(c.f) == hash(c.f), c.f == A().f, c.f == a.f)
lst = []
print([].append == [].append, lst.append == lst.append, hash(lst.append) == hash(lst.append), lst.append == lst.pop)
print(len({c.f, c.f, a.f}), c.f in [c.f], {c.f: 1}[c.f])


class CM:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, *exc):
        print("exit", exc[0])
        return False


with contextlib.ExitStack() as stack:
    stack.enter_context(CM())
    stack.callback(print, "callback")
    print("body")
