# zero-argument super() and __class__ go through the implicit __class__ cell of the class body
class A:
    def f(self):
        return 'A'
class B(A):
    def f(self):
        return 'B' + super().f()
    def cls(self):
        return __class__
    @classmethod
    def cm(cls):
        return super().f
    def lam(self):
        return (lambda s: super().f())(self)
    def gen(self):
        yield super().f()
print(B().f(), B().cls() is B, B.cm().__qualname__, B().lam(), list(B().gen()))

class C(B):
    def f(self):
        return 'C' + super().f()
print(C().f(), C().cls() is B)

def outside(self):
    return super().f()
class D(A):
    g = outside
try:
    D().g()
except RuntimeError as e:
    print('RuntimeError:', e)

class E:
    def f():
        return super()
try:
    E.f()
except RuntimeError as e:
    print('RuntimeError:', e)

class F:
    def f(self):
        del self
        return super()
try:
    F().f()
except RuntimeError as e:
    print('RuntimeError:', e)

class G:
    def f(x):
        nonlocal __class__
        del __class__
        super()
try:
    G().f()
except RuntimeError as e:
    print('RuntimeError:', e)

class H:
    def f(self):
        nonlocal __class__
        __class__ = 42
        return __class__
    def g(self):
        return __class__
h = H()
print(h.f(), h.g())

class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns.pop('__classcell__', None)
        return super().__new__(mcls, name, bases, ns)
try:
    class Lost(metaclass=Meta):
        def f(self):
            return __class__
except RuntimeError as e:
    print('RuntimeError:', e)

class Meta2(type):
    def __new__(mcls, name, bases, ns):
        ns['__classcell__'] = 5
        return super().__new__(mcls, name, bases, ns)
try:
    class Bad(metaclass=Meta2):
        pass
except TypeError as e:
    print('TypeError:', e)

class NoCell:
    x = 1
print('__classcell__' in NoCell.__dict__, NoCell.x)
print(B.f.__code__.co_freevars, 'cls' in B.__dict__)

def own_class_local():
    __class__ = 'mine'
    def inner():
        return __class__
    return inner()
print(own_class_local())
