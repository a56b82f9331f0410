# asyncio queues: producer/consumer over Queue, bounded put waiting for room, join/task_done,
# LifoQueue and PriorityQueue order, QueueFull and QueueEmpty from the nowait forms.
import asyncio


async def producer(q, n, name, log):
    for i in range(n):
        await q.put((name, i))
        log.append(f'put {name}{i} size={q.qsize()}')
    await q.put(None)


async def consumer(q, log):
    got = []
    while True:
        item = await q.get()
        q.task_done()
        if item is None:
            return got
        got.append(item)
        log.append(f'got {item[0]}{item[1]}')
        await asyncio.sleep(0)


async def main():
    log = []
    q = asyncio.Queue(maxsize=2)
    print(q.maxsize, q.empty(), q.full())
    _, got = await asyncio.gather(producer(q, 5, 'p', log), consumer(q, log))
    print(got)
    print(log)

    q = asyncio.Queue()
    for i in range(3):
        q.put_nowait(i)
    done = []

    async def worker():
        while True:
            x = await q.get()
            await asyncio.sleep(0.001 * x)
            done.append(x)
            q.task_done()

    w = asyncio.create_task(worker())
    await q.join()
    print('joined', done, q.empty())
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print('worker cancelled')

    lq = asyncio.LifoQueue()
    for x in 'abc':
        lq.put_nowait(x)
    print([lq.get_nowait() for _ in range(3)])
    pq = asyncio.PriorityQueue()
    for x in [5, 1, 4, 2, 3]:
        await pq.put((x, str(x)))
    print([(await pq.get())[1] for _ in range(5)])

    small = asyncio.Queue(1)
    small.put_nowait('x')
    try:
        small.put_nowait('y')
    except asyncio.QueueFull:
        print('QueueFull', small.full())
    small.get_nowait()
    try:
        small.get_nowait()
    except asyncio.QueueEmpty:
        print('QueueEmpty', small.empty())
    try:
        small.task_done()
        small.task_done()
    except ValueError as e:
        print('ValueError', e)

    waiter = asyncio.create_task(small.get())
    await asyncio.sleep(0)
    small.put_nowait('late')
    print(await waiter)
    try:
        await asyncio.wait_for(small.get(), 0.01)
    except asyncio.TimeoutError:
        print('get timed out', small.qsize())


asyncio.run(main())
