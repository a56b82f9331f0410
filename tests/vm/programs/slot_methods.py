# The builtin types' operator methods are attributes, as CPython's slot wrappers: called by name,
# through super() in subclasses, and found in the class namespace by collections.abc-style checks.
print(int.__add__(2, 3), int.__add__(2, 2.5), int.__radd__(2, 3), float.__add__(1.5, 2), float.__radd__(1.5, 2))
print((7).__floordiv__(2), (7).__mod__(-3), (7).__divmod__(2), (2).__pow__(10), (2).__pow__(10, 1000), (5).__rsub__(1))
print((6).__and__(3), (6).__or__(3), (6).__xor__(3), (1).__lshift__(70), True.__and__(False), True.__or__(1))
print((3).__lt__(4), (3).__lt__(4.5), (3.5).__lt__(4), (3).__eq__(3), (10**30).__eq__(10**30), (3).__ne__("x"))
print((-3).__neg__(), (-3).__abs__(), (5).__invert__(), (2.5).__neg__(), (-2.5).__abs__(), True.__pos__())
print((7).__index__(), True.__int__(), (2.7).__int__(), (2.7).__floor__(), (2.2).__ceil__(), (-2.7).__trunc__(), (2.675).__round__(2), (7).__float__())
print((0).__bool__(), (0.5).__bool__(), range(0).__bool__(), (12345).__round__(-2))
print("ab".__add__("cd"), "ab".__mul__(3), "ab".__rmul__(2), "%d-%s".__mod__((1, "x")), "abc".__len__(), "abc".__getitem__(1), "abc".__contains__("bc"))
print(list("abc".__iter__()), "a".__lt__("b"), "a".__lt__(1), b"ab".__add__(b"c"), b"ab".__len__(), b"xyz".__getitem__(0))
print([1, 2].__mul__(2), [1].__rmul__(3), (1, 2).__mul__(2), [1, 2].__le__([1, 3]), (1,).__ge__((0,)), [3, 1].__reversed__().__next__())
l = [1]
print(l.__iadd__([2, 3]) is l, l, l.__imul__(2) is l, l)
s = {1, 2}
print(s.__or__({3}) == {1, 2, 3}, s.__and__({2}), s.__sub__({1}), frozenset([1]).__or__({2}) == frozenset({1, 2}), s.__ior__({9}) is s, sorted(s))
print({1: 2}.__or__({3: 4}), {1: 2}.__ror__({3: 4}), range(10).__len__(), range(10).__getitem__(3), range(10).__contains__(4), list(range(3).__reversed__()))
d = {1: 2}
print(d.__ior__({5: 6}) is d, d, list({1: 0, 2: 0}.__reversed__()))


class Meters(int):
    def __add__(self, other):
        return Meters(super().__add__(other) * 1)

    def __repr__(self):
        return "Meters(%d)" % int(self)


print(Meters(3) + 4, Meters(3).__sub__(1), type(Meters(3) + 4).__name__, Meters(2) * 5)


class Loud(str):
    def __len__(self):
        return super().__len__() * 10

    def __getitem__(self, i):
        return super().__getitem__(i).upper()


w = Loud("abc")
print(len(w), w[1], w + "d", "b" in w, list(w))


class Stack(list):
    def __iadd__(self, other):
        super().__iadd__([x * 2 for x in other])
        return self


st = Stack([1])
st += [2, 3]
print(st, type(st).__name__)


def has(cls, name):
    return any(name in c.__dict__ for c in cls.__mro__)


print(has(str, "__len__"), has(int, "__lt__"), has(float, "__hash__"), has(list, "__iter__"), has(frozenset, "__contains__"))
for bad in [lambda: int.__add__("x", 1), lambda: int.__add__(), lambda: str.__len__("a", 2), lambda: float.__neg__(1)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
for bad in [lambda: "a".__add__(1), lambda: [1].__add__((2,)), lambda: "ab".__mul__("x")]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
