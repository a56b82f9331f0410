# Calls that bind by keyword, collect *args/**kwargs or make cells run in frames reused from call
# to call: each call must start with fresh locals, fresh cells (closures made by an earlier call
# keep theirs) and defaults, in recursion, in generators and when an exception leaves the frame.
import sys


def kw(a, b=2, *, c=3, d=4):
    x = a + b + c + d
    return x


print([kw(i, d=i) for i in range(5)], kw(1, c=10), kw(a=1, b=1, c=1, d=1))


def star(*args, **kwargs):
    s = sum(args)
    return s, sorted(kwargs.items())


print(star(), star(1, 2, 3), star(1, z=2, y=3), star(*range(4), **{'k': 1}))


def unset_local(flag, *rest):
    if flag:
        v = len(rest)
    try:
        return v
    except UnboundLocalError:
        return 'unbound'


print(unset_local(True, 1, 2), unset_local(False), unset_local(True), unset_local(False, 9))


# cells: every call makes its own, closures from earlier calls keep theirs
def make_counter(start, *, step=1):
    n = start

    def inc():
        nonlocal n
        n += step
        return n
    return inc


cs = [make_counter(i * 10, step=i + 1) for i in range(4)]
print([c() for c in cs], [c() for c in cs])
a = make_counter(0)
b = make_counter(100, step=5)
print(a(), b(), a(), b())


# a cell that is also a parameter
def cell_param(x, *ys):
    f = lambda: x + len(ys)
    x = x * 2
    return f()


print([cell_param(i, *range(i)) for i in range(5)])


# recursion with keywords, *args and cells: the inner calls need their own frames
def fact(n, *, acc=1):
    if n <= 1:
        return acc
    return fact(n - 1, acc=acc * n)


def walk(depth, *path):
    if depth == 0:
        return [path]
    out = []
    for k in range(2):
        out.extend(walk(depth - 1, *path, k))
    return out


def nest(n):
    def get():
        return n
    if n == 0:
        return [get()]
    r = nest(n - 1)
    r.append(get())
    return r


print(fact(10), fact(5, acc=2), walk(3), nest(6))


# generators with keyword-only parameters, *args and cells
def gen_kw(n, *, mul=1):
    for i in range(n):
        yield i * mul


def gen_star(*items):
    for it in items:
        yield it


def gen_cell(n):
    fs = []
    for i in range(n):
        fs.append(lambda i=i: i + n)
        yield sum(f() for f in fs)


for _ in range(3):
    print(list(gen_kw(4, mul=3)), list(gen_star(1, 'a', None)), list(gen_cell(4)))


# an exception leaving a frame with keywords: the next call is clean
def raiser(x, *, fail=False):
    y = x + 1
    if fail:
        raise ValueError(y)
    return y


for i in range(4):
    try:
        print(raiser(i, fail=(i % 2 == 1)))
    except ValueError as e:
        print('ValueError', e)


# a frame seen by a traceback or sys._getframe keeps its locals after the call
def keep(x, *, tag='t'):
    return sys._getframe()


fr1 = keep(1, tag='one')
fr2 = keep(2, tag='two')
print(fr1.f_locals, fr2.f_locals)


def tb_locals(v, **kw):
    w = v * 2
    raise KeyError(w)


tbs = []
for i in range(3):
    try:
        tb_locals(i, extra=i)
    except KeyError as e:
        tbs.append(e.__traceback__.tb_next.tb_frame.f_locals)
print(tbs)


# a method called with keywords and a bound method with *args
class P:
    def __init__(self, *, name, size=1):
        self.name = name
        self.size = size

    def scaled(self, *fs, extra=0):
        r = self.size
        for f in fs:
            r *= f
        return r + extra


ps = [P(name=str(i), size=i) for i in range(4)]
print([p.scaled(2, 3, extra=1) for p in ps], [p.name for p in ps])
m = ps[2].scaled
print(m(), m(5), m(extra=7))


# a keyword call inside a function whose frame is recycled, many times over
def outer(n):
    t = 0
    for i in range(n):
        t += kw(i, c=i)
    return t


print(sum(outer(k) for k in range(30)))


# a function's code replaced after calls: the next call runs the new code, in a frame of its own
def first(a, b=1):
    return a + b


def second(a, b=1, *rest):
    return [a, b, rest]


def third(a, b=1):
    yield a
    yield b


print(first(1), first(1, b=5))
first.__code__ = second.__code__
print(first(1), first(1, 2, 3), first(1, b=5))
first.__code__ = third.__code__
print(list(first(7)), list(first(7, b=8)))
