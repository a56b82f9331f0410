# The RuntimeError and TypeError messages of awaiting and delegating, as CPython 3.11's:
# exhausted coroutines refuse send/throw/next, a coroutine suspended in an await cannot be
# awaited again, 'yield from' a coroutine only from a coroutine, 'async with' results that are
# not awaitable, and an __anext__ result that cannot be awaited (the reason as its __cause__).
import types


def show(fn):
    try:
        r = fn()
    except BaseException as e:
        cause = e.__cause__
        extra = '' if cause is None else ' (cause %s: %s)' % (type(cause).__name__, cause)
        print('%s: %s%s' % (type(e).__name__, e, extra))
    else:
        print('->', r)


def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


async def spam():
    return 'spam'


coro = spam()
show(lambda: coro.send(None))
show(lambda: coro.send(None))
show(lambda: coro.throw(Exception('wat')))
show(lambda: coro.close())
show(lambda: coro.close())

it = spam().__await__()
show(lambda: it.send(None))
show(lambda: next(it))
show(lambda: it.throw(Exception('wat')))
show(lambda: it.close())


def gen():
    yield 1


g = gen()
show(lambda: list(g))
show(lambda: g.send(None))
show(lambda: g.throw(ValueError('v')))


@types.coroutine
def nop():
    yield


async def waits():
    await nop()


async def waiter(c):
    await c


w = waits()
w.send(None)
show(lambda: waiter(w).send(None))


pending = spam()


def plain():
    yield from pending


show(lambda: list(plain()))
pending.close()


@types.coroutine
def marked():
    return (yield from spam())


show(lambda: run(marked()))


class Aw:
    def __await__(self):
        return iter([])


class Mgr:
    def __init__(self, enter, exit):
        self.enter, self.exit = enter, exit

    def __aenter__(self):
        return self.enter

    def __aexit__(self, *exc):
        return self.exit


async def use(m, fail=False):
    async with m:
        if fail:
            1 / 0
    return 'done'


show(lambda: run(use(Mgr(1, Aw()))))
show(lambda: run(use(Mgr(spam(), 2))))
show(lambda: run(use(Mgr(spam(), 3), True)))


show(lambda: run(use(Mgr(Aw(), Aw()))))


class F:
    def __aiter__(self):
        return self

    def __anext__(self):
        return self

    def __await__(self):
        1 / 0


class G:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 5


async def loop(x):
    async for _ in x:
        pass


show(lambda: run(loop(F())))
show(lambda: run(loop(G())))
