# Coroutines driven by hand with send/throw/close (no event loop).
async def add(a, b):
    return a + b

async def main():
    x = await add(1, 2)
    return await add(x, 10)

c = main()
print(type(c).__name__, type(c).__name__ == 'coroutine')
print(bool(main.__code__.co_flags & 0x80), bool(add.__code__.co_flags & 0x20))
print(repr(c).startswith('<coroutine object main at '))
try:
    c.send(None)
except StopIteration as e:
    print('result', e.value)
try:
    c.send(None)
except RuntimeError as e:
    print('RuntimeError:', e)


class Suspend:
    """An awaitable that suspends once, handing `what` to whoever drives the coroutine."""
    def __init__(self, what):
        self.what = what
    def __await__(self):
        got = yield self.what
        return got


async def echo():
    a = await Suspend('first')
    b = await Suspend('second')
    return a + b

e = echo()
print(e.send(None))
print(e.send(10))
try:
    e.send(5)
except StopIteration as s:
    print('returned', s.value)

# send a value to a just-started coroutine
e2 = echo()
try:
    e2.send(1)
except TypeError as x:
    print('TypeError:', x)
e2.close()

# throw into a suspended coroutine: the exception reaches the await inside it
async def guarded():
    try:
        await Suspend('waiting')
    except ValueError as x:
        print('caught inside:', x)
        return 'recovered'
    return 'not thrown'

g = guarded()
print(g.send(None))
try:
    g.throw(ValueError('stop'))
except StopIteration as s:
    print('after throw:', s.value)

# close runs finally blocks
async def cleanup():
    try:
        await Suspend(1)
    finally:
        print('finally ran')

c2 = cleanup()
c2.send(None)
c2.close()
print('closed')

# __await__ gives an iterator over the coroutine
async def three():
    await Suspend('x')
    return 3
it = three().__await__()
print(next(it))
try:
    next(it)
except StopIteration as s:
    print('wrapper returned', s.value)

# coroutines are not iterable; plain objects are not awaitable
async def awaits(o):
    return await o
c3 = add(1, 2)
try:
    for _ in c3:
        pass
except TypeError as x:
    print('TypeError:', x)
c3.close()
try:
    awaits(42).send(None)
except TypeError as x:
    print('TypeError:', x)
class BadAwait:
    def __await__(self):
        return 5
try:
    awaits(BadAwait()).send(None)
except TypeError as x:
    print('TypeError:', x)

# StopIteration raised in a coroutine becomes RuntimeError
async def leaks():
    raise StopIteration('x')
try:
    leaks().send(None)
except RuntimeError as x:
    print('RuntimeError:', x)
