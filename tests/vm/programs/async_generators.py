# Async generators: async for over them, __anext__/asend/athrow/aclose, driven by hand.

class Tick:
    def __await__(self):
        yield 'tick'


def run(coro):
    while True:
        try:
            coro.send(None)
        except StopIteration as s:
            return s.value


async def numbers(n):
    for i in range(n):
        await Tick()
        yield i


async def echo():
    received = []
    try:
        while True:
            v = yield len(received)
            received.append(v)
    finally:
        print('echo closed with', received)


async def main():
    out = []
    async for v in numbers(4):
        out.append(v)
    out.append([v * 10 async for v in numbers(3)])
    g = echo()
    out.append(await g.__anext__())
    out.append(await g.asend('a'))
    out.append(await g.asend('b'))
    await g.aclose()
    try:
        await g.__anext__()
    except StopAsyncIteration:
        out.append('exhausted')

    async def catcher():
        try:
            yield 1
        except ValueError as x:
            yield 'caught ' + str(x)
    c = catcher()
    out.append(await c.__anext__())
    out.append(await c.athrow(ValueError('v')))
    return out


g = numbers(1)
print(type(g).__name__, g.__aiter__() is g)
print(bool(numbers.__code__.co_flags & 0x200))
print(run(main()))

async def gen_exp_user():
    agen = (x + 1 async for x in numbers(3))
    print(type(agen).__name__)
    return [y async for y in agen]
print(run(gen_exp_user()))
