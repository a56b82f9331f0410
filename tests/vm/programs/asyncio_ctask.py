# _asyncio.Task used directly (the C task asyncio.Task is): names, the step through awaits of
# futures and bare yields, results and exceptions, cancellation (with messages, counted by
# cancelling/uncancel, while waiting and before the first step), the mistakes a coroutine can
# make (awaiting its own task, bad yields), the task registry and a Python subclass.
import asyncio
import _asyncio  # after asyncio: imported first, CPython's _asyncio initialises twice
import types

print(asyncio.Task is _asyncio.Task, asyncio.tasks._CTask is _asyncio.Task, issubclass(_asyncio.Task, _asyncio.Future))
print(asyncio.tasks._enter_task is _asyncio._enter_task, asyncio.events.get_running_loop is _asyncio.get_running_loop)
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
log = []


async def add(a, b):
    log.append('add start')
    await asyncio.sleep(0)
    log.append('add end')
    return a + b


t = _asyncio.Task(add(1, 2), loop=loop, name='adder')
print(t.get_name(), t.done(), t._must_cancel, t._fut_waiter, type(t.get_coro()).__name__, t._coro is t.get_coro())
print(repr(t).split(' coro=')[0])
print(loop.run_until_complete(t), t.result(), t._state, log)
print(t in asyncio.all_tasks(loop), t.cancel(), t.cancelling())
t.set_name(42)
print(repr(t.get_name()))
for meth in (lambda: t.set_result(1), lambda: t.set_exception(ValueError())):
    try:
        meth()
    except RuntimeError as e:
        print('RuntimeError', e)


async def waits_on(fut):
    try:
        return await fut
    except asyncio.CancelledError as e:
        log.append(('inner cancelled', e.args))
        raise


fut = loop.create_future()
w = loop.create_task(waits_on(fut))
loop.run_until_complete(asyncio.sleep(0))
print(w._fut_waiter is fut, fut._callbacks is not None and len(fut._callbacks))
print(w.cancel('enough'), w.cancelling(), fut.cancelled())
try:
    loop.run_until_complete(w)
except asyncio.CancelledError as e:
    print('outer', e.args, w.cancelled(), log[-1])
print(w.uncancel(), w.uncancel())

# cancelled before its first step: the coroutine never starts
started = []


async def never():
    started.append(1)


c = loop.create_task(never())
print(c.cancel(), c._must_cancel)
try:
    loop.run_until_complete(c)
except asyncio.CancelledError:
    print('cancelled before start', started, c.cancelled())


async def swallow():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        return 'swallowed'


s = loop.create_task(swallow())
loop.run_until_complete(asyncio.sleep(0))
s.cancel()
print(loop.run_until_complete(s), s.cancelled(), s.cancelling())


async def raises():
    await asyncio.sleep(0)
    raise KeyError('k')


r = loop.create_task(raises())
try:
    loop.run_until_complete(r)
except KeyError as e:
    print('KeyError', e, type(r.exception()).__name__)


@types.coroutine
def bare_yield():
    yield


@types.coroutine
def bad_yield():
    yield 123


async def yields():
    await bare_yield()
    try:
        await bad_yield()
    except RuntimeError as e:
        return str(e)


print(loop.run_until_complete(loop.create_task(yields())))


async def self_await():
    try:
        await asyncio.current_task()
    except RuntimeError as e:
        return str(e).split(':')[0]


print(loop.run_until_complete(self_await()))

try:
    _asyncio.Task(42, loop=loop)
except TypeError as e:
    print('TypeError', e)


async def current():
    ct = asyncio.current_task()
    return ct.get_name(), loop in asyncio.tasks._current_tasks, _asyncio.get_running_loop() is loop


print(loop.run_until_complete(loop.create_task(current(), name='cur')))
print(_asyncio._get_running_loop(), _asyncio.get_event_loop() is loop)
try:
    _asyncio.get_running_loop()
except RuntimeError as e:
    print('RuntimeError', e)


class MyTask(_asyncio.Task):
    def __init__(self, coro, *, loop):
        super().__init__(coro, loop=loop)
        self.extra = 'x'


async def deep():
    await asyncio.sleep(0)
    return await add(10, 20)


m = MyTask(deep(), loop=loop)
print(type(m).__name__, m.extra, loop.run_until_complete(m), m.get_stack())
g = asyncio.gather(loop.create_task(add(1, 1)), add(2, 2), return_exceptions=True)
print(loop.run_until_complete(g))

# a Future subclass awaited by a task: its overridden methods are called, not bypassed
class TracingFuture(asyncio.Future):
    def add_done_callback(self, fn, *, context=None):
        log.append('add_done_callback')
        super().add_done_callback(fn, context=context)

    def result(self):
        log.append('result')
        return super().result()


async def awaits_traced(fut):
    return await fut


tf = TracingFuture(loop=loop)
tt = loop.create_task(awaits_traced(tf))
loop.run_until_complete(asyncio.sleep(0))
tf.set_result('traced')
print(loop.run_until_complete(tt), log[-2:])
loop.close()
