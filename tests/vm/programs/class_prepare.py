# a metaclass's __prepare__ gives the class body its namespace (a dict subclass whose __setitem__ runs), and super().__delattr__ in a metaclass reaches type's
class D(dict):
    def __init__(self):
        super().__init__()
        self._names = []
    def __setitem__(self, k, v):
        self._names.append(k)
        super().__setitem__(k, v)
d = D()
d['a'] = 1
print(d, d._names)
class M(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print('prepare', name, bases, kw)
        return D()
    def __new__(mcls, name, bases, ns, **kw):
        print(type(ns).__name__, ns._names)
        return super().__new__(mcls, name, bases, dict(ns))
class C(metaclass=M, flag=1):
    x = 1
    def f(self): return x
    y = x + 1
    del x
print(C.y, hasattr(C, 'x'))
class Meta(type):
    def __delattr__(cls, name):
        print('delattr', name)
        super().__delattr__(name)
class K(metaclass=Meta):
    z = 1
del K.z
print(hasattr(K, 'z'))
class Plain:
    pass
p = Plain()
p.a = 1
object.__delattr__(p, 'a')
print(hasattr(p, 'a'))
