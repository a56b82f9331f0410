# async for over __aiter__/__anext__, async with over __aenter__/__aexit__, async
# comprehensions, driven by a hand-written loop.

class Tick:
    def __await__(self):
        yield 'tick'


def run(coro):
    ticks = 0
    while True:
        try:
            coro.send(None)
            ticks += 1
        except StopIteration as s:
            return s.value, ticks


class Countdown:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        await Tick()
        self.n -= 1
        return self.n


class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    async def __aenter__(self):
        await Tick()
        print('enter', self.name)
        return self.name.upper()
    async def __aexit__(self, t, v, tb):
        await Tick()
        print('exit', self.name, t.__name__ if t is not None else None, v)
        return self.suppress


async def loops():
    out = []
    async for x in Countdown(3):
        out.append(x)
    else:
        out.append('else')
    async for x in Countdown(5):
        if x == 3:
            continue
        if x == 1:
            break
        out.append(x)
    else:
        out.append('no else after break')
    async for a, b in Pairs():
        out.append(a * b)
    return out


class Pairs:
    def __init__(self):
        self.items = [(1, 2), (3, 4)]
    def __aiter__(self):
        return self
    async def __anext__(self):
        if not self.items:
            raise StopAsyncIteration
        return self.items.pop(0)


async def withs():
    async with Resource('a') as name:
        print('body', name)
    async with Resource('b') as b, Resource('c') as c:
        print('two', b, c)
    async with Resource('d', suppress=True):
        raise ValueError('suppressed')
    try:
        async with Resource('e'):
            raise KeyError('kept')
    except KeyError as x:
        print('propagated', repr(x))
    for i in range(3):
        async with Resource('loop' + str(i)):
            if i == 1:
                break
    return await inner_return()


async def inner_return():
    async with Resource('ret'):
        return 'returned through async with'


async def comprehensions():
    async def double(x):
        await Tick()
        return x * 2
    a = [x async for x in Countdown(4)]
    b = {x: x * x async for x in Countdown(3) if x != 1}
    c = [await double(x) for x in range(3)]
    d = {await double(x) async for x in Countdown(3)}
    e = [y for x in range(2) async for y in Countdown(x + 1)]
    return a, b, c, sorted(d), e


async def errors():
    msgs = []
    try:
        async for x in 5:
            pass
    except TypeError as x:
        msgs.append(str(x))
    class NoANext:
        def __aiter__(self):
            return self
    try:
        async for x in NoANext():
            pass
    except TypeError as x:
        msgs.append(str(x))
    class OnlyEnter:
        async def __aenter__(self):
            return 1
    try:
        async with OnlyEnter():
            pass
    except TypeError as x:
        msgs.append(str(x))
    try:
        async with object():
            pass
    except TypeError as x:
        msgs.append(str(x))
    class FailingNext:
        def __aiter__(self):
            return self
        async def __anext__(self):
            raise OSError('read failed')
    try:
        async for x in FailingNext():
            pass
    except OSError as x:
        msgs.append('OSError ' + str(x))
    return msgs


print(run(loops()))
print(run(withs()))
print(run(comprehensions()))
for m in run(errors())[0]:
    print(m)
