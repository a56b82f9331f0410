# coroutines: a recursive chain of awaits with no event loop; the outermost coroutine is
# driven by send(None) until StopIteration carries its result out


class Yield:
    # an awaitable that suspends the whole chain once
    def __await__(self):
        yield 'tick'


async def tri(n):
    # n + (n-1) + ... with a suspension every 8 levels
    if n == 0:
        return 0
    if n % 8 == 0:
        await Yield()
    return n + await tri(n - 1)


async def fib(n):
    if n < 2:
        return n
    return await fib(n - 1) + await fib(n - 2)


def drive(coro):
    ticks = 0
    try:
        while True:
            coro.send(None)
            ticks += 1
    except StopIteration as e:
        return e.value, ticks


print(drive(fib(26)))
print(drive(tri(400)))
