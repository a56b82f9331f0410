# builtins.aiter and anext: the protocol checks, anext's default through the anext_awaitable's
# send/throw/close, and the StopAsyncIteration that becomes StopIteration(default).
import types


def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


async def agen():
    yield 1
    yield 2


async def collect():
    it = aiter(agen())
    print(aiter(it) is it)
    out = [await anext(it), await anext(it), await anext(it, 'dflt')]
    try:
        await anext(it)
    except StopAsyncIteration:
        out.append('stop')
    return out


print(run(collect()))


class PyAIter:
    def __init__(self):
        self.n = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        self.n += 1
        if self.n > 2:
            raise StopAsyncIteration
        return self.n


async def from_class():
    it = PyAIter()
    return [await anext(it, 'x') for _ in range(4)]


print(run(from_class()))

for bad in [lambda: aiter(1), lambda: aiter(), lambda: aiter(agen(), 1), lambda: anext(1),
            lambda: anext(), lambda: anext(agen(), 1, 2), lambda: anext(aiterator=agen())]:
    try:
        bad()
    except TypeError as e:
        print('TypeError:', e)


class NotAIter:
    def __aiter__(self):
        return 5


try:
    aiter(NotAIter())
except TypeError as e:
    print('TypeError:', e)


class BadAwaitable:
    def __await__(self):
        return 42


class BadANext:
    def __aiter__(self):
        return self

    def __anext__(self):
        return BadAwaitable()


async def bad_await():
    for a in [anext(BadANext(), 'd'), anext(BadANext())]:
        try:
            await a
        except TypeError as e:
            print('TypeError:', e)


run(bad_await())


@types.coroutine
def _async_yield(v):
    return (yield v)


class MyError(Exception):
    pass


async def agenfn():
    try:
        await _async_yield(1)
    except MyError:
        await _async_yield(2)
    return
    yield


g = anext(agenfn(), 'default').__await__()
print(type(g).__name__, g.send(None), g.throw(MyError, MyError(), None))
try:
    g.send(None)
except StopIteration as e:
    print('StopIteration', e.value)
g = anext(agenfn(), 'default').__await__()
g.send(None)
g.close()
try:
    g.send(None)
except RuntimeError as e:
    print('RuntimeError:', e)
