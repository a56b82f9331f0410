# asyncio's synchronization primitives (Lock, Event, Semaphore, Condition) and async generators
# under the loop: the loop learns of them through sys's firstiter hook and acloses those left
# unfinished when asyncio.run shuts down.
import asyncio
import sys

log = []


async def locked(lock, name):
    async with lock:
        log.append(name + ' in')
        await asyncio.sleep(0)
        log.append(name + ' out')


async def ticker(n):
    try:
        for i in range(n):
            yield i
            await asyncio.sleep(0)
    finally:
        log.append('ticker closed')


async def main():
    lock = asyncio.Lock()
    await asyncio.gather(locked(lock, 'a'), locked(lock, 'b'))
    print(log, lock.locked())
    log.clear()

    ev = asyncio.Event()

    async def waiter(i):
        await ev.wait()
        return i

    ws = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    print('event set?', ev.is_set())
    ev.set()
    print(await asyncio.gather(*ws))

    sem = asyncio.Semaphore(2)
    active = []
    peak = []

    async def limited(i):
        async with sem:
            active.append(i)
            peak.append(len(active))
            await asyncio.sleep(0.001)
            active.remove(i)

    await asyncio.gather(*(limited(i) for i in range(5)))
    print('peak', max(peak), sem.locked())

    cond = asyncio.Condition()
    items = []

    async def consume():
        async with cond:
            await cond.wait_for(lambda: items)
            return items.pop()

    c = asyncio.create_task(consume())
    await asyncio.sleep(0)
    async with cond:
        items.append('item')
        cond.notify()
    print(await c)

    hooks = sys.get_asyncgen_hooks()
    print(type(hooks).__name__, hooks.firstiter is not None, hooks.finalizer is not None)
    print([x async for x in ticker(3)], log)
    log.clear()
    g = ticker(10)
    print(await g.__anext__(), await g.__anext__())
    # g is left suspended: asyncio.run's shutdown_asyncgens closes it


asyncio.run(main())
print(log)
print(sys.get_asyncgen_hooks())

seen = []
sys.set_asyncgen_hooks(firstiter=seen.append)


async def agen():
    yield 1


g = agen()
print(len(seen))
try:
    g.asend(None).send(None)
except StopIteration as e:
    print('yielded', e.value)
print(len(seen), seen[0] is g)
g.asend(None).close()
print(len(seen))
for bad in [dict(firstiter=1), dict(finalizer='x'), dict(firstiter=2, finalizer=3)]:
    try:
        sys.set_asyncgen_hooks(**bad)
    except TypeError as e:
        print('TypeError:', e)
sys.set_asyncgen_hooks(None, None)
print(sys.get_asyncgen_hooks(), sys.get_asyncgen_hooks()[0])

# what an event loop in debug mode sets (unittest's IsolatedAsyncioTestCase runs one)
print(sys.get_coroutine_origin_tracking_depth())
sys.set_coroutine_origin_tracking_depth(depth=3)
print(sys.get_coroutine_origin_tracking_depth())
sys.set_coroutine_origin_tracking_depth(0)
for bad in [-1, 'x']:
    try:
        sys.set_coroutine_origin_tracking_depth(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
