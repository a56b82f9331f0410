# asyncio.run with tasks: create_task, gather (results in argument order, return_exceptions),
# sleeps waking in deadline order (far enough apart for a slow untranslated VM), cancellation, done callbacks, current_task and all_tasks.
import asyncio

log = []


async def sleeper(name, delay):
    log.append('start ' + name)
    await asyncio.sleep(delay)
    log.append('end ' + name)
    return name.upper()


async def fails(msg):
    await asyncio.sleep(0)
    raise ValueError(msg)


async def forever(started):
    started.set_result(None)
    try:
        await asyncio.sleep(3600)
    except asyncio.CancelledError:
        log.append('cancelled inside')
        raise


async def main():
    print(await sleeper('direct', 0))
    print(await asyncio.gather(sleeper('c', 0.3), sleeper('a', 0.1), sleeper('b', 0.2)))
    print(log)
    r = await asyncio.gather(fails('bad'), sleeper('ok', 0), return_exceptions=True)
    print([type(x).__name__ + ':' + str(x) for x in r])
    try:
        await asyncio.gather(fails('raised'), sleeper('other', 0))
    except ValueError as e:
        print('gather raised', e)

    t = asyncio.create_task(sleeper('task', 0.01), name='worker')
    print(t.get_name(), t.done())
    done = []
    t.add_done_callback(lambda fut: done.append(fut.result()))
    print(await t, t.done(), t.result())
    await asyncio.sleep(0)
    print('callback saw', done)

    loop = asyncio.get_running_loop()
    started = loop.create_future()
    t2 = asyncio.create_task(forever(started))
    await started
    print(t2.cancel(), t2.cancelled())
    try:
        await t2
    except asyncio.CancelledError:
        print('awaiting a cancelled task raises CancelledError')
    print(t2.cancelled(), log[-1])

    print(asyncio.current_task().get_name() == asyncio.current_task().get_name())
    print(len(asyncio.all_tasks()))
    fut = loop.create_future()
    loop.call_soon(fut.set_result, 42)
    print(await fut)
    loop.call_later(0.01, log.append, 'call_later ran')
    await asyncio.sleep(0.03)
    print(log[-1])
    c = sleeper('x', 0)
    print(asyncio.iscoroutinefunction(main), asyncio.iscoroutine(c), asyncio.iscoroutine(42))
    await c
    return 'main done'


print(asyncio.run(main()))
