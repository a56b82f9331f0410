# generators drained by builtin consumers: sum, list, tuple, join, sorted
def gen(n):
    for i in range(n):
        x = yield i
        if x is not None:
            print("sent", x)

print(sum(gen(10)), sum(x * 0.5 for x in range(7)), sum((x for x in range(5)), 100))
print(list(gen(4)), tuple(gen(3)), sorted(gen(5), reverse=True), "-".join(str(i) for i in range(6)))
# mixed types: int then float then big ints, through the slow path
print(sum(v for v in [1, 2.5, 3, 2**70, 4]))
print(sum((v for v in [2**64, 1, 2.0]), 0.5))
class V:
    def __init__(self, v): self.v = v
    def __add__(self, o): return V(self.v + (o.v if isinstance(o, V) else o))
    def __radd__(self, o): return V(o + self.v)
print(sum(V(i) for i in range(5)).v)
# the generator sees no difference in the values its yields return
def echo():
    got = []
    for i in range(3):
        r = yield i
        got.append(r)
    print("echo got", got)
print(sum(echo()))
# an exception in the generator propagates out of the consumer, the generator is finished
def boom():
    yield 1
    yield 2
    raise KeyError('k')
g = boom()
try:
    sum(g)
except KeyError as e:
    print("KeyError", e, g.gi_frame)
# a consumer's own error (a declined item) leaves the generator suspended at that yield
def mixed():
    try:
        yield 1
        yield 'x'
        yield 3
    finally:
        print("mixed closed")
g = mixed()
try:
    sum(g)
except TypeError as e:
    print("TypeError", e, g.gi_frame.f_lineno, g.gi_running)
print(next(g))
g.close()
# partially consumed, then drained
g = gen(6)
print(next(g), next(g), list(g), list(g))
# yield from inside a drained generator
def outer():
    yield from gen(3)
    r = yield from inner()
    yield r
def inner():
    yield 'a'
    return 'ret'
print(list(outer()))
# the drained generator consumes another generator inside
def nested():
    for i in range(3):
        yield sum(j for j in range(i + 3))
print(list(nested()), sum(sum(j for j in range(i)) for i in range(10)))
# gi_running inside the generator while it is drained
def runs():
    yield g2.gi_running
g2 = runs()
print(list(g2))
# recursion through a drained generator
def tree(n):
    if n == 0:
        yield 1
        return
    yield sum(tree(n - 1)) + sum(tree(n - 1))
print(list(tree(5)))
# StopIteration inside a generator is a RuntimeError still
def stopper():
    yield 1
    raise StopIteration
try:
    list(stopper())
except RuntimeError as e:
    print("RuntimeError", e)
# a long drain (the JIT records it)
def fl(n):
    for i in range(n):
        yield 1.0 / (i + 1)
print(round(sum(fl(100000)), 9), sum(i * i for i in range(100000)), len(list(j for j in range(50000) if j % 3)))
print(sum(x for x in [True, True, 1]), sum(x for x in [1.5, True]))
# any/all: the generator stops at the item that decides, and stays suspended there
def items(seq):
    for x in seq:
        print("gives", x if not isinstance(x, Truthy) else "Truthy")
        yield x
class Truthy:
    def __bool__(self):
        print("bool called")
        return True
g = items([0, 0.0, '', None, False, 2**80, 'x', 5])
print(any(g), next(g))
g = items([1, 2.5, 'a', True, 2**90, [], 7])
print(all(g), next(g))
print(any(items([0, Truthy()])), all(items([1, Truthy(), 0])), any(x for x in []), all(x for x in []))
print(any(x > 9990 for x in range(10000)), all(x < 9990 for x in range(10000)))
