# Resuming a generator or coroutine suspended in `yield from` / `await` passes the value to the
# innermost delegate: values, returns, send, throw, close, exceptions raised at every level,
# frames (f_back, f_lineno, gi_running) and exc_info seen from inside a chain.
import sys
import traceback
import types


def leaf(n):
    got = yield n
    while got is not None:
        got = yield ('echo', got)
    return n * 10


def chain(depth, n):
    if depth == 0:
        r = yield from leaf(n)
    else:
        r = yield from chain(depth - 1, n)
    return r + 1


g = chain(6, 3)
print(next(g), g.send('a'), g.send('b'))
try:
    g.send(None)
except StopIteration as e:
    print('returned', e.value)

# a for loop over a chain, and the chain's frames seen from its innermost generator
def frames_leaf():
    f = sys._getframe(1)
    names = []
    while f is not None and f.f_code.co_name != '<module>':
        names.append((f.f_code.co_name, f.f_lineno))
        f = f.f_back
    yield names
    yield sys._getframe(1).f_code.co_name


def frames_mid(k):
    if k == 0:
        x = yield from frames_leaf()
    else:
        x = yield from frames_mid(k - 1)
    return x


for item in frames_mid(3):
    print(item)


# running flags: the outer generators are running while the innermost runs
def probe():
    yield outer.gi_running, mid_gen.gi_running
    try:
        outer.send(None)
    except ValueError as e:
        yield str(e)


def mid():
    yield from probe()


mid_gen = mid()


def outer_fn():
    yield from mid_gen


outer = outer_fn()
print(list(outer))
print(outer.gi_yieldfrom, mid_gen.gi_running)


# exceptions raised inside the chain: caught at a middle level, tracebacks through all levels
def raiser(n):
    yield n
    raise KeyError(n)


def catcher(n):
    try:
        yield from raiser(n)
    except KeyError as e:
        yield ('caught', e.args[0], sys.exc_info()[0].__name__)
    yield 'after'


def passer(n):
    yield from catcher(n)


print(list(passer(5)))


def through(depth):
    if depth == 0:
        yield from raiser(7)
    else:
        yield from through(depth - 1)


g = through(3)
next(g)
try:
    next(g)
except KeyError as e:
    tb = traceback.extract_tb(e.__traceback__)
    print([(t.name, t.lineno, t.line) for t in tb])
    print(g.gi_frame, g.gi_running)


# the exception being handled where a chain is resumed, seen from its innermost generator
def seer():
    while True:
        yield repr(sys.exc_info()[1])


def wrap_seer():
    try:
        raise ValueError('in wrap')
    except ValueError:
        yield from seer()


s = wrap_seer()
print(next(s))
try:
    raise TypeError('outside')
except TypeError:
    print(next(s))
print(next(s))


# an exception raised in the innermost generator while an outer one handles one: its context
def ctx_leaf():
    yield 1
    raise IndexError('leaf')


def ctx_outer():
    try:
        raise OSError('outer')
    except OSError:
        yield from ctx_leaf()


g = ctx_outer()
next(g)
try:
    next(g)
except IndexError as e:
    print(repr(e), repr(e.__context__))


# StopIteration raised inside a delegate becomes RuntimeError there, and goes on up
def bad():
    yield 1
    raise StopIteration('x')


def over_bad():
    try:
        yield from bad()
    except RuntimeError as e:
        yield ('rt', str(e), repr(e.__cause__))


print(list(over_bad()))


# throw() and close() through a chain, finally blocks from the innermost out
log = []


def fin(name, inner):
    try:
        if inner is None:
            while True:
                try:
                    yield name
                except ValueError as e:
                    log.append(('handled', name, str(e)))
        else:
            r = yield from inner
            log.append(('returned', name, r))
    finally:
        log.append(('finally', name))


g = fin('a', fin('b', fin('c', None)))
print(next(g), g.send(None), g.throw(ValueError('v1')))
g.close()
print(log)
log.clear()
g = fin('a', fin('b', fin('c', None)))
next(g)
try:
    g.throw(KeyError('k'))
except KeyError as e:
    print('out', repr(e))
print(log)


# a delegate finished while suspended elsewhere: resuming goes on past the yield from
def once():
    yield 'once'
    return 'ret'


shared = once()


def first():
    r = yield from shared
    yield ('first got', r)


def second():
    r = yield from shared
    yield ('second got', r)


a = first()
b = second()
print(next(a), next(b))
print(next(a))


# delegating to iterators that are not generators, and to a generator that was sent values
def mixed():
    r = yield from [1, 2]
    yield r
    r = yield from iter(range(3, 5))
    yield r
    r = yield from leaf(9)
    yield r


g = mixed()
print(next(g), next(g), next(g), next(g), next(g), next(g), g.send('s'), g.send(None))


# coroutines: chains of awaits, a custom awaitable at the bottom, results and errors
class Tick:
    def __await__(self):
        got = yield 'tick'
        return got


async def bottom(n):
    got = await Tick()
    if n < 0:
        raise ValueError(n)
    return (n, got)


async def level(k, n):
    if k == 0:
        return await bottom(n)
    try:
        return await level(k - 1, n)
    except ValueError as e:
        return ('level', k, e.args)


def drive(coro, *sends):
    out = [coro.send(None)]
    try:
        for v in sends:
            out.append(coro.send(v))
    except StopIteration as e:
        out.append(('done', e.value))
    return out


print(drive(level(5, 2), 'x'))
print(drive(level(5, -1), 'y'))
c = level(3, 1)
c.send(None)
print(c.cr_await is not None, c.cr_running)
try:
    c.throw(KeyError('thrown'))
except KeyError as e:
    print('thrown out', repr(e))
c = level(3, 1)
c.send(None)
c.close()
print(c.cr_frame)


async def reuse():
    inner = bottom(1)
    a = await inner
    try:
        await inner
    except RuntimeError as e:
        return (a, str(e))


print(drive(reuse(), 'z'))


# a generator awaiting through a coroutine's __await__() wrapper, and types.coroutine
@types.coroutine
def gen_coro():
    v = yield 'from gen'
    return v


async def uses_gen_coro():
    return await gen_coro()


def over_wrapper():
    r = yield from uses_gen_coro().__await__()
    return r


print(drive(uses_gen_coro(), 'g1'))
print(drive(over_wrapper(), 'g2'))


# a long chain under the recursion limit, resumed many times
def deep(n):
    if n == 0:
        for i in range(3):
            yield i
        return 'bottom'
    r = yield from deep(n - 1)
    return r


g = deep(300)
print(list(g))
try:
    g.send(None)
except StopIteration as e:
    print(repr(e.value))


# calls that make generators and coroutines: methods, defaults, closures, binding errors
class K:
    def __init__(self, base):
        self.base = base

    def gen(self, n, step=1):
        for i in range(0, n, step):
            yield self.base + i

    async def co(self, x=2):
        return self.base * x


k = K(10)
print(list(k.gen(3)), list(k.gen(6, 2)))
m = k.gen
print(list(m(2)), list(K.gen(k, 2)))


def outer_closure(a):
    def g(b, c=5):
        yield a + b + c
    return g


print(list(outer_closure(1)(2)), list(outer_closure(1)(2, 3)))
for bad_args in ((), (1, 2, 3)):
    try:
        k.gen(*bad_args)
    except TypeError as e:
        print(e)
try:
    k.gen()
except TypeError as e:
    print(e)
def finish(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value


print(finish(k.co()), finish(k.co(3)))


class GenInit:
    def __init__(self):
        yield 1


try:
    GenInit()
except TypeError as e:
    print(e)
