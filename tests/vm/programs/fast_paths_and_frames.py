# Operations the interpreter short-cuts for exact builtin types must still honour subclasses
# and shadowing; function frames it reuses between calls must start clean every time.


class MyInt(int):
    def __add__(self, o):
        return "MyInt.add"

    def __lt__(self, o):
        return "MyInt.lt"

    def __eq__(self, o):
        return True

    __hash__ = int.__hash__


class MyFloat(float):
    def __mul__(self, o):
        return "MyFloat.mul"

    def __gt__(self, o):
        return "MyFloat.gt"


class MyStr(str):
    def __eq__(self, o):
        return "MyStr.eq"

    __hash__ = str.__hash__


class MyList(list):
    def __len__(self):
        return 99

    def append(self, x):
        list.append(self, x * 2)


class MyDict(dict):
    def get(self, k, d=None):
        return "MyDict.get"


def ops(a, b):
    return a + b, a < b, a == b


print(ops(MyInt(2), 3), ops(2, 3), ops(2.5, 1), ops(1, 2.5), ops(True, 2))
print(MyFloat(2.0) * 3, MyFloat(2.0) > 1, 2.0 * 3, 7 // 2, -7 // 2, 7 % -3, 7 / 2, 2 ** 10)
print(MyStr("a") == "a", "a" == "a", "a" != "b", MyInt(5) == 6, 5 < MyInt(1))
ml = MyList([1, 2])
ml.append(5)
print(len(ml), list(ml), len([1, 2]), len("héllo"), len((1,)), len({1: 2}))
print(MyDict(a=1).get("a"), {"a": 1}.get("a"), {"a": 1}.get("b"), {"a": 1}.get("b", 0))
print(abs(-3), abs(-2.5), abs(True), abs(MyInt(-4)), ord("é"), ord("a"))
print(isinstance(ml, list), isinstance(3, MyInt), isinstance(MyInt(3), int), isinstance(3, (str, int)))
import math
print(math.sqrt(16), math.sqrt(2.25), math.sin(0), math.cos(0), math.fabs(-2))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError", e)
try:
    len(5)
except TypeError as e:
    print("TypeError", e)
print(list(range(5)), list(range(2, 5)), list(range(True)), range(3, 10, 2)[2])
try:
    range(1.5)
except TypeError as e:
    print("TypeError", e)
print(1 << 70, (1 << 70) >> 65, -(1 << 70) >> 3, 3 * 10 ** 20 & 0xFFFF, 2 ** 62 * 4 - 1)


# frames reused between calls: locals start unset, defaults apply, recursion and errors
def maybe(flag, x=10):
    if flag:
        y = x * 2
    try:
        return y
    except UnboundLocalError:
        return "unbound"


print(maybe(True), maybe(False), maybe(True, 1), maybe(False))


def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


print(fact(20), fact(5))


def fails(n):
    if n == 0:
        raise KeyError("bottom")
    return fails(n - 1)


for i in range(3):
    try:
        fails(i + 2)
    except KeyError as e:
        print("caught", e)
print(fact(6))


def gen(n):
    for i in range(n):
        yield i * i


def use_gen():
    return sum(gen(5)) + sum(gen(3))


print(use_gen(), use_gen())


def outer():
    total = 0

    def inner(k):
        return k + total

    total = 5
    return [inner(k) for k in range(3)]


print(outer(), outer())


def kw(a, b=2, *, c=3):
    return a * 100 + b * 10 + c


print(kw(1), kw(1, c=9), kw(1, 5), kw(a=4, b=0, c=0), sorted([3, 1, 2], key=lambda v: -v))


class Node:
    def __init__(self, v, nxt=None):
        self.v = v
        self.nxt = nxt

    def total(self):
        return self.v + (self.nxt.total() if self.nxt else 0)


chain = None
for i in range(50):
    chain = Node(i, chain)
print(chain.total(), Node(1).total())
try:
    Node()
except TypeError as e:
    print("TypeError", e)
try:
    Node(1, 2, 3)
except TypeError as e:
    print("TypeError", e)

# conversions and min/max of plain numbers
nan = float("nan")
print(min(1, 2), max(1, 2), min(2.5, 2), max(2, 2.0), min(nan, 1), min(1, nan), max(nan, 1), max(-0.0, 0.0), min(0, 0.0))
print(min(True, 2), max(1 << 60, 2.0), min("b", "a"), max([1], [0, 5]))
print(int(3.99), int(-3.99), int(7), int(True), int(2.0 ** 60), int("12"), float(3), float(2.5), float(True), float(1 << 80))
print(tuple([1, 2]), tuple((3,)), tuple("ab"), tuple(range(3)), list((1, 2)))
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError", e)
try:
    int(nan)
except ValueError as e:
    print("ValueError", e)
s = {1, 2}
s.add(3)
s.discard(1)
s.discard(10)
st = [1, 2, 3]
print(sorted(s), st.pop(), st, 2 in s, 5 in s, 3 in {3: 4}, "k" in {"k": 1}, 1 in [1])
try:
    [].pop()
except IndexError as e:
    print("IndexError", e)
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError", e)
try:
    [1] in {1}
except TypeError as e:
    print("TypeError", e)
