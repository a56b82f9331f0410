# Generators whose loop body runs long enough to be traced up to its yield: the trace ends at
# the yield, the interpreter yields the item, and the next resumption enters the trace again.
# Items, state kept across yields, send(), throw(), close(), cells changed by the consumer,
# an exception raised in the body, and a loop whose yield is taken only on some iterations.


def weight(i, j):
    ij = i + j
    return 1.0 / (ij * (ij + 1) // 2 + i + 1)


def row(u, i):
    return sum(weight(i, j) * u[j] for j in range(len(u)))


u = [1.0 + k * 0.25 for k in range(40)]
print([round(row(u, i), 9) for i in range(0, 40, 7)])


class Acc:
    def __init__(self):
        self.total = 0
        self.count = 0

    def add(self, x):
        self.total += x
        self.count += 1
        return self.total


def running(n):
    acc = Acc()
    t = 0.0
    for i in range(n):
        v = acc.add(i * 3 - 7)
        t = t + v * 0.5
        k = (v * 7 + i) % 13
        yield (i, v, t, k)


items = list(running(300))
print(items[0], items[150], items[-1], len(items))


def echo(n):
    got = []
    x = 0
    for i in range(n):
        y = x * 2 + i
        z = (y * y - i) % 97
        w = z + y - x + len(got) * 3
        r = yield (w, z)
        got.append(r)
        x = w % 11
    yield got[-5:]


g = echo(200)
out = [next(g)]
for k in range(199):
    out.append(g.send(k * k))
print(out[:3], out[-2:], next(g))


def thrower(n):
    s = 0
    for i in range(n):
        a = i * 5 + 1
        b = a * a % 31
        c = (a + b) * (a - b)
        s = s + c - b
        try_me = s % 7
        yield s + try_me
    yield 'done'


g = thrower(1000)
vals = [next(g) for _ in range(500)]
try:
    g.throw(ValueError('stop here'))
except ValueError as e:
    print('thrown:', e, vals[-1], sum(vals))
print(next(g, 'closed'))

g = thrower(1000)
for _ in range(300):
    next(g)
g.close()
print(next(g, 'after close'))


def with_cells():
    total = [0]
    scale = 2
    def gen(n):
        for i in range(n):
            a = i * scale + total[0] % 5
            b = a * a - i
            c = b % 101 + a
            d = c * 2 - a + b % 7
            yield d
    out = []
    for v in gen(400):
        out.append(v)
        total[0] += v
        if len(out) == 200:
            scale = 5
    return out[:3], out[199:202], sum(out)


print(with_cells())


def failing(n):
    for i in range(n):
        a = i * 3 + 1
        b = a * a - i
        c = b % 101 + a
        d = c * 2 - a + b % 7
        yield d // (50 - i)


try:
    print(sum(failing(100)))
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)


def some(n):
    for i in range(n):
        a = i * 3 + 1
        b = a * a - i
        c = b % 101 + a
        d = c * 2 - a + b % 7
        if i % 3 == 0:
            yield d
        e = d + 1


print(sum(some(3000)), len(list(some(3000))))


def floats(n):
    x = 0.5
    for i in range(n):
        x = x * 1.0001 + 0.25
        y = x * x - i * 0.5
        z = y / (1.0 + i)
        w = z + x - y * 0.001
        yield w


print(round(sum(floats(2000)), 6), round(max(floats(500)), 6))
