# A tiny round-robin event loop (no asyncio): tasks sleep for a number of ticks, wait for
# each other, and pass values through futures.

class Future:
    def __init__(self):
        self.done = False
        self.value = None
        self.waiters = []
    def set(self, v):
        self.done = True
        self.value = v
    def __await__(self):
        while not self.done:
            yield self
        return self.value


class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks
    def __await__(self):
        for _ in range(self.ticks):
            yield None
        return self.ticks


class Loop:
    def __init__(self):
        self.ready = []
        self.clock = 0
        self.log = []
    def spawn(self, coro, name):
        fut = Future()
        self.ready.append((coro, name, fut))
        return fut
    def run(self):
        while self.ready:
            self.clock += 1
            batch = self.ready
            self.ready = []
            for coro, name, fut in batch:
                try:
                    coro.send(None)
                except StopIteration as s:
                    self.log.append((self.clock, name, s.value))
                    fut.set(s.value)
                    continue
                except Exception as x:
                    self.log.append((self.clock, name, 'error: ' + repr(x)))
                    fut.set(None)
                    continue
                self.ready.append((coro, name, fut))
        return self.log


loop = Loop()

async def counter(name, n, step):
    total = 0
    for i in range(n):
        await Sleep(step)
        total += i
    return name + '=' + str(total)

async def waiter(fut_a, fut_b):
    a = await fut_a
    b = await fut_b
    return a + ' & ' + b

async def failing():
    await Sleep(2)
    raise ValueError('task failed')

async def nested(depth):
    if depth == 0:
        await Sleep(1)
        return 0
    return 1 + await nested(depth - 1)

fa = loop.spawn(counter('a', 3, 1), 'a')
fb = loop.spawn(counter('b', 2, 3), 'b')
loop.spawn(waiter(fa, fb), 'waiter')
loop.spawn(failing(), 'failing')
loop.spawn(nested(20), 'nested')
for entry in loop.run():
    print(entry)
print('ticks', loop.clock)
