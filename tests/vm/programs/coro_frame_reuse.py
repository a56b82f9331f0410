# A coroutine's (or generator's) frame is given to the next one of the same function once the
# first has finished: the finished one must still answer for itself (cr_frame None, cr_code,
# send() refused, its return value delivered once), and the new one must start clean (no
# stale locals, stack, block or pending exception), including after a finish by exception,
# after close() and when frames were seen by tracebacks.
import sys


class Tick:
    def __await__(self):
        yield 'tick'


async def leaf(i, *, fail=False):
    if i % 2:
        late = i * 10
    await Tick()
    try:
        return late
    except UnboundLocalError:
        pass
    if fail:
        raise KeyError(i)
    return -i


def drive(coro):
    ticks = 0
    try:
        while True:
            coro.send(None)
            ticks += 1
    except StopIteration as e:
        return e.value, ticks


done = []
for i in range(6):
    c = leaf(i)
    print(drive(c), c.cr_frame, c.cr_code.co_name, c.cr_running, c.cr_suspended, c.cr_await)
    done.append(c)
for c in done:
    try:
        c.send(None)
    except RuntimeError as e:
        print('RuntimeError', e)
        break

# a coroutine that finished by an exception, then a fresh one
for i in range(4):
    try:
        print(drive(leaf(i, fail=True)))
    except KeyError as e:
        print('KeyError', e)


# nested awaits, many times over, each level a finished coroutine handing its frame on
async def tri(n):
    if n == 0:
        return 0
    if n % 4 == 0:
        await Tick()
    return n + await tri(n - 1)


for _ in range(3):
    print(drive(tri(30)))


# a coroutine kept suspended while others of its function come and go
async def two_step(tag):
    await Tick()
    await Tick()
    return tag


held = two_step('held')
held.send(None)
print([drive(two_step(k)) for k in 'abc'])
try:
    held.send(None)
    held.send(None)
except StopIteration as e:
    print('held', e.value)
print(held.cr_frame)

# closed ones and never started ones
for k in range(3):
    c = two_step(k)
    c.send(None)
    c.close()
    print('closed', c.cr_frame, c.cr_suspended)
    c2 = two_step(k)
    c2.close()
    print(drive(two_step(k + 10)))


# generators: each one's locals are its own
def gen(n, *, tag):
    for i in range(n):
        yield tag, i
    if n > 2:
        extra = 'x'
    yield locals().get('extra')


for _ in range(3):
    print(list(gen(2, tag='a')), list(gen(3, tag='b')), list(gen(1, tag='c')))
g = gen(1, tag='z')
print(list(g), g.gi_frame, g.gi_code.co_name)
print(next(g, 'exhausted'))


# a generator's frame seen by a traceback after it finished by an exception
def failing(n):
    v = n * 3
    yield v
    raise ValueError(v)


tbl = []
for n in range(3):
    it = failing(n)
    next(it)
    try:
        next(it)
    except ValueError as e:
        tbl.append(e.__traceback__.tb_next.tb_frame.f_locals)
    print(next(failing(n + 5)))
print(tbl)


# a generator frame taken by sys._getframe while running keeps its locals
def peek(n):
    yield sys._getframe()
    yield n


fs = []
for n in range(3):
    gp = peek(n)
    fr = next(gp)
    list(gp)
    fs.append(fr)
print([f.f_locals for f in fs])


# a generator's return value after reuse
def ret(n):
    yield n
    return n * 2


for n in range(3):
    gr = ret(n)
    next(gr)
    try:
        next(gr)
    except StopIteration as e:
        print('returned', e.value)
    print(next(gr, 'again'))
