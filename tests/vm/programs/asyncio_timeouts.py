# asyncio timeouts: wait_for (timing out, finishing in time, cancelling the inner task),
# asyncio.timeout and timeout_at as async context managers (expired(), reschedule, nesting),
# asyncio.wait with FIRST_COMPLETED and a timeout, shield, and as_completed.
import asyncio


async def slow(result, delay):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print('slow cancelled:', result)
        raise
    return result


async def main():
    print(await asyncio.wait_for(slow('fast enough', 0), 5))
    try:
        await asyncio.wait_for(slow('too slow', 10), 0.02)
    except asyncio.TimeoutError as e:
        print('wait_for timed out', type(e).__name__, isinstance(e, TimeoutError))
    print(await asyncio.wait_for(slow('no timeout', 0.01), None))

    try:
        async with asyncio.timeout(0.02) as cm:
            print('expired before?', cm.expired())
            await slow('in timeout', 10)
    except TimeoutError:
        print('timeout() raised TimeoutError; expired:', cm.expired())

    async with asyncio.timeout(None) as cm:
        print('deadline', cm.when())
        cm.reschedule(asyncio.get_running_loop().time() + 5)
        await asyncio.sleep(0)
    print('finished in time; expired:', cm.expired())

    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout_at(loop.time() + 0.01):
            async with asyncio.timeout(5):
                await asyncio.sleep(10)
    except TimeoutError:
        print('outer timeout_at fired through the inner timeout')

    tasks = [asyncio.create_task(slow(n, d)) for n, d in [('late', 10), ('early', 0.01)]]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(sorted(t.result() for t in done), len(pending))
    done, pending = await asyncio.wait(pending, timeout=0.01)
    print(len(done), len(pending))
    for t in pending:
        t.cancel()
    await asyncio.gather(*pending, return_exceptions=True)

    inner = asyncio.create_task(slow('shielded', 0.2))
    try:
        await asyncio.wait_for(asyncio.shield(inner), 0.05)
    except asyncio.TimeoutError:
        print('shield timed out; inner cancelled?', inner.cancelled())
    print(await inner)

    order = []
    for c in asyncio.as_completed([slow('third', 0.3), slow('first', 0.1), slow('second', 0.2)]):
        order.append(await c)
    print(order)


asyncio.run(main())
