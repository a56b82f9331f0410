# throw() into a coroutine suspended in an await on a non-generator awaitable: the
# awaitable's own throw() (or the async generator step) gets the exception.
class Waiter:
    def __init__(self):
        self.thrown = None
    def __await__(self):
        return self
    def __iter__(self):
        return self
    def __next__(self):
        return 'waiting'
    def send(self, v):
        return 'waiting'
    def throw(self, exc):
        self.thrown = exc
        raise StopIteration('handled ' + str(exc))

async def user(w):
    v = await w
    return 'got ' + v

w = Waiter()
c = user(w)
print(c.send(None))
try:
    c.throw(ValueError('x'))
except StopIteration as s:
    print(s.value)

class Tick:
    def __await__(self):
        yield 'tick'

async def agen():
    try:
        await Tick()
        yield 1
    except KeyError as e:
        print('agen caught', repr(e))
        yield 'after'

async def consumer():
    async for v in agen():
        return v

c = consumer()
print(c.send(None))
try:
    print(c.throw(KeyError('k')))
except StopIteration as s:
    print('consumer returned', s.value)
