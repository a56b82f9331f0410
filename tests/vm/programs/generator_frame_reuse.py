# Generators made and finished over and over: a finished generator's frame may serve the next
# generator of the same code, which must start clean and leave the finished one finished.
import sys


def count(n):
    for i in range(n):
        yield i


def late(flag):
    if flag:
        x = 'set'
    yield 1
    try:
        print('  late sees', x)
    except NameError as e:
        print('  late:', e)
    yield 2


# many generators of one code, one after another
total = 0
for k in range(200):
    total += sum(count(k % 7))
print(total)

# locals of a finished generator do not reach the next one
print(list(late(True)))
print(list(late(False)))
print(list(late(True)))

# the finished generator stays finished when its frame serves another
g = count(3)
print(list(g), g.gi_frame, g.gi_running, g.gi_suspended, g.gi_code.co_name)
h = count(2)
print(next(h), g.gi_frame, list(g), next(g, 'done'), g.gi_code is h.gi_code)
print(list(h), h.gi_frame)
print(list(g), next(g, 'again'))

# a generator's frame seen by a frame object is its own
g = count(3)
next(g)
fr = g.gi_frame
print(fr.f_code.co_name, fr.f_locals)
print(list(g))
h = count(5)
print(list(h), fr.f_code.co_name)


# send, throw and close of generators whose frames may be reused
def echo():
    got = []
    try:
        while True:
            v = yield len(got)
            got.append(v)
    except KeyError:
        yield 'caught ' + repr(got)
    finally:
        print('  echo finally', got)


for k in range(3):
    e = echo()
    print(next(e), e.send('a'), e.send('b'))
    print(e.throw(KeyError('x')))
    e.close()
    print(e.gi_frame, next(e, 'closed'))
    e2 = echo()
    print(next(e2), e2.send(k))
    e2.close()

e = echo()
next(e)
try:
    e.throw(ValueError('boom'))
except ValueError as x:
    print('raised', x, e.gi_frame)
print(list(count(2)), next(e, 'dead'))


# a generator running while one finished and one new of the same code exist
def outer(n):
    if n == 0:
        yield 'leaf'
        return
    inner = outer(n - 1)
    for v in inner:
        yield (n, v)
    yield from outer(n - 1)
    print('  inner finished:', inner.gi_frame, next(inner, 'x'))


print(list(outer(2)))


# recursion with yield from (each level a generator of one code)
def walk(depth, path):
    if depth == 0:
        yield tuple(path)
        return
    for c in range(2):
        path.append(c)
        yield from walk(depth - 1, path)
        path.pop()


for r in range(3):
    print(list(walk(3, [])))


# generators of a closure: functions made anew each time share the code
def make(step):
    def gen(n):
        i = 0
        while i < n:
            yield i * step
            i += 1
    return gen


print([list(make(s)(3)) for s in range(4)])
print([sum(x * x for x in range(k)) for k in range(6)])

# an exception traceback through a finished generator keeps its frame
def failing(n):
    yield n
    raise ValueError(n)


for k in range(2):
    try:
        for v in failing(k):
            pass
    except ValueError as exc:
        tb = exc.__traceback__
        while tb.tb_next is not None:
            tb = tb.tb_next
        print('tb frame', tb.tb_frame.f_code.co_name, tb.tb_frame.f_locals, tb.tb_lineno)
print(list(failing(9))[:0] if False else 'ok')


# a generator asking for its own frame while it runs
def selfish():
    f = sys._getframe()
    yield f.f_code.co_name
    yield f.f_locals.get('f') is f


for k in range(3):
    print(list(selfish()))


# drained generators: a builtin consumer of a finished one sees nothing
def evens(n):
    for i in range(n):
        if i % 2 == 0:
            yield i


g = evens(6)
print(sorted(g), list(g), sum(g), tuple(evens(5)), ''.join(str(x) for x in evens(7)))
g = evens(4)
print(list(g), sum(evens(9)), list(g), any(g), max(evens(5)))


def consumer():
    a = evens(6)
    t = list(a)
    out = []
    for x in evens(4):
        out.append(list(a) + [x])
        out.append(sum(a))
    return t, out


print(consumer())


# assigning __code__: the function's spare frame (of the old code) is not used for the new one,
# and a function whose new code is a generator's makes generators (and back)
def plain(a):
    return a + 1


def tens(a):
    return a * 10


def pair(a):
    yield a
    yield a + 1


print(plain(1), plain(1))
plain.__code__ = tens.__code__
print(plain(2))
plain.__code__ = pair.__code__
print(list(plain(3)), list(plain(4)), type(plain(5)).__name__)
plain.__code__ = tens.__code__
print(plain(6))
list(pair(0))
pair.__code__ = tens.__code__
print(pair(7))
