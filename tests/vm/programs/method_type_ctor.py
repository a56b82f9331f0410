# types.MethodType(function, instance) binds a callable to an object, as weakref.WeakMethod
# does to rebuild its method
import types
import weakref


class A:
    def f(self, x):
        return (type(self).__name__, x)


a = A()
m = types.MethodType(A.f, a)
print(m(1), m.__self__ is a, m.__func__ is A.f)
print(type(a.f)(A.f, a)(2))
print(types.MethodType(len, "abc")())
print(types.MethodType(lambda self, y: self * y, 3)(4))
for args, kw in [((1,), {}), ((1, 2), {}), ((len, None), {}), ((len, 1), {"x": 1}), ((), {})]:
    try:
        types.MethodType(*args, **kw)
    except TypeError as e:
        print("TypeError", e)

r = weakref.WeakMethod(a.f)
print(r()(5), r() == a.f, r.__class__.__name__)
calls = []
b = A()
r2 = weakref.WeakMethod(b.f, calls.append)
print(r2() is not None)

# bound methods compare by the object they bind (identity) and their function
c = A()
print(c.f == c.f, c.f != c.f, hash(c.f) == hash(c.f), c.f == A().f, c.f == a.f)
lst = []
print([].append == [].append, lst.append == lst.append, hash(lst.append) == hash(lst.append), lst.append == lst.pop)
print(len({c.f, c.f, a.f}), c.f in [c.f], {c.f: 1}[c.f])
