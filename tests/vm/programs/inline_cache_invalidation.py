# The interpreter caches attribute, method and global lookups per instruction; every way a
# program can change what such a lookup finds must be seen by code that already ran.


class Point:
    scale = 1

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return (abs(self.x) + abs(self.y)) * self.scale


def read_x(p):
    return p.x


def read_scale(p):
    return p.scale


def call_norm(p):
    return p.norm1()


p = Point(3, -4)
for _ in range(3):
    print(read_x(p), read_scale(p), call_norm(p))

# class attribute mutation after caching
Point.scale = 10
print("scale", read_scale(p), call_norm(p))

# instance attribute shadows the class attribute, then goes away again
p.scale = 100
print("shadow", read_scale(p), call_norm(p))
del p.scale
print("unshadow", read_scale(p), call_norm(p))

# monkey-patched method on the class
def norm_max(self):
    return max(abs(self.x), abs(self.y))


Point.norm1 = norm_max
print("patched", call_norm(p))

# instance attribute shadows a method
p.norm1 = lambda: "instance"
print("instance method", call_norm(p))
del p.norm1
print("back to class", call_norm(p))

# a property added later takes over an instance attribute (data descriptors win)
Point.x = property(lambda self: "prop")
print("property", read_x(p))
del Point.x
print("no property", read_x(p))

# __getattribute__ and __getattr__ added after caching
Point.__getattribute__ = lambda self, name: "ga:" + name
print("getattribute", read_x(p), read_scale(p))
del Point.__getattribute__
print("plain again", read_x(p), read_scale(p))
Point.__getattr__ = lambda self, name: "missing:" + name


def read_z(o):
    return o.z


print("getattr", read_z(p))
p.z = 5
print("now set", read_z(p))


# __setattr__ added after caching stores
def store_x(o, v):
    o.x = v


log = []
store_x(p, 7)
print("stored", p.x)
Point.__setattr__ = lambda self, name, v: log.append((name, v))
store_x(p, 8)
print("setattr hook", p.x, log)
del Point.__setattr__
store_x(p, 9)
print("stored again", p.x)

# polymorphic sites: many classes through one instruction, then one class changes
class A:
    def __init__(self):
        self.v = "a"

    def who(self):
        return "A"


class B:
    def __init__(self):
        self.w = 0
        self.v = "b"

    def who(self):
        return "B"


class C(A):
    def who(self):
        return "C" + super().who()


class D(B):
    pass


class E:
    v = "class-level"

    def who(self):
        return "E"


objs = [A(), B(), C(), D(), E(), A(), D()]


def tour():
    return [(o.v, o.who()) for o in objs]


print(tour())
print(tour())
B.who = lambda self: "B2"
print(tour())
E.v = "changed"
print(tour())

# instances of one class whose attributes were set in different orders
class Bag:
    pass


def fill(order):
    b = Bag()
    for name in order:
        setattr(b, name, name.upper())
    return b


bags = [fill("abc"), fill("cba"), fill("bca"), fill("ab"), fill("cab")]


def read_b(o):
    return o.b


print([read_b(b) for b in bags])
for b in bags:
    b.b = b.b * 2
print([read_b(b) for b in bags])

# globals rebound, added and deleted; builtins shadowed and unshadowed
counter = 0


def bump():
    return counter + 1


print("global", bump())
counter = 41
print("rebound", bump())


def use_len(x):
    return len(x)


print("builtin len", use_len("abcd"))
len = lambda x: -1
print("shadowed len", use_len("abcd"))
del len
print("builtin again", use_len("abcd"))


def helper():
    return "v1"


def call_helper():
    return helper()


print(call_helper())


def helper():
    return "v2"


print(call_helper())
del helper
try:
    call_helper()
except NameError as e:
    print("NameError", e)


# module attributes rebound
import math


def root(x):
    return math.sqrt(x)


print(root(16.0))
real_sqrt = math.sqrt
math.sqrt = lambda x: "fake"
print(root(16.0))
math.sqrt = real_sqrt
print(root(25.0))

# class constructors: __init__ replaced, __new__ added, class without __init__
class K:
    def __init__(self, a):
        self.a = a


def make(a):
    return K(a)


print(make(1).a)
K.__init__ = lambda self, a: setattr(self, "a", a * 100)
print(make(2).a)


def k_new(cls, a):
    o = object.__new__(cls)
    o.tag = "new"
    return o


K.__new__ = k_new
k = make(3)
print(k.a, k.tag)


class Empty:
    pass


def make_empty():
    return Empty()


print(type(make_empty()).__name__)
Empty.__init__ = lambda self: setattr(self, "ready", True)
print(make_empty().ready)
try:
    K.__init__ = lambda self, a: 5
    make(4)
except TypeError as e:
    print("TypeError", e)


# class attributes of builtin types, a descriptor, and a class attribute replaced by a
# descriptor after reads of it were cached
class Desc:
    def __init__(self, label):
        self.label = label

    def __get__(self, obj, owner):
        return "desc:" + self.label


class Holder:
    plain = "plain"
    number = 7
    fancy = Desc("fancy")


def read_all(h):
    return h.plain, h.number, h.fancy


hh = Holder()
print(read_all(hh), read_all(hh))
Holder.number = Desc("now a descriptor")
print(read_all(hh))
hh.plain = "instance"
print(read_all(hh), read_all(Holder()))
