# a weakref.proxy stands for its referent in operators, subscripts, deletion, iteration,
# reversed(), bool() and len(); hashing a proxy is a TypeError
import weakref


class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return ("add", self.v, o)

    def __radd__(self, o):
        return ("radd", o, self.v)

    def __floordiv__(self, o):
        return ("floordiv", self.v, o)

    def __matmul__(self, o):
        return ("matmul", self.v, o)

    def __neg__(self):
        return ("neg", self.v)

    def __iadd__(self, o):
        self.v += o
        return self

    def __hash__(self):
        return 42


n = Num(3)
p = weakref.proxy(n)
print(p + 1, 2 + p, p // 4, p @ 5, -p)
q = p
q += 10
print(n.v, q is n)
try:
    hash(p)
except TypeError as e:
    print("TypeError", e)


class Box:
    def __init__(self):
        self.d = {}

    def __getitem__(self, k):
        return self.d[k]

    def __setitem__(self, k, v):
        self.d[k] = v

    def __delitem__(self, k):
        print("del", k)
        del self.d[k]

    def __contains__(self, k):
        return k in self.d

    def __len__(self):
        return len(self.d)

    def __reversed__(self):
        return iter("cba")


b = Box()
pb = weakref.proxy(b)
pb["x"] = 1
print(pb["x"], "x" in pb, len(pb), bool(pb), "".join(reversed(pb)))
del pb["x"]
print(len(pb), bool(pb))
b.attr = 5
del pb.attr
print(hasattr(b, "attr"))


class L(list):
    pass


lst = L()
print(bool(weakref.proxy(lst)))
lst.append(1)
print(bool(weakref.proxy(lst)), list(weakref.proxy(lst)))


def gen():
    yield from [4, 5, 6]


it = gen()


class IteratesWeakly:
    def __iter__(self):
        return weakref.proxy(it)


print(list(IteratesWeakly()))
notiter = lambda: 0


class Bad:
    def __iter__(self):
        return weakref.proxy(notiter)


try:
    list(Bad())
except TypeError as e:
    print("TypeError", e)
