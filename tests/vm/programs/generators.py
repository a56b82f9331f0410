def gen(n):
    for i in range(n):
        yield i * i
print(list(gen(5)), sum(gen(4)))
def echo():
    r = yield 1
    while True:
        r = yield r * 2
e = echo()
print(next(e), e.send(5), e.send(10))
def sub():
    yield 1
    yield 2
    return "done"
def deleg():
    r = yield from sub()
    yield r
print(list(deleg()))
g = (x + 1 for x in range(3))
print(next(g), list(g))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
