# _asyncio.Future used directly (the C future asyncio.Future is): states, results and exceptions,
# done callbacks scheduled through the loop in their contexts, cancellation messages, the await
# iterator, the error cases with CPython's C messages, and a Python subclass.
import asyncio
import _asyncio  # after asyncio: imported first, CPython's _asyncio initialises twice
import contextvars

print(asyncio.Future is _asyncio.Future, asyncio.futures._CFuture is _asyncio.Future)
var = contextvars.ContextVar('var', default='unset')
loop = asyncio.new_event_loop()

f = _asyncio.Future(loop=loop)
print(f._state, f.done(), f.cancelled(), f._callbacks, f._result, f._exception, repr(f))
print(f.get_loop() is loop, f._loop is loop, f._asyncio_future_blocking, f._log_traceback)
for meth in (f.result, f.exception):
    try:
        meth()
    except asyncio.InvalidStateError as e:
        print(type(e).__name__, e)

seen = []
def cb(fut):
    seen.append(('cb', fut.result(), var.get()))
def cb2(fut):
    seen.append(('cb2', fut.done()))
f.add_done_callback(cb)
ctx = contextvars.copy_context()
ctx.run(var.set, 'in ctx')
f.add_done_callback(cb, context=ctx)
f.add_done_callback(cb2)
print(len(f._callbacks), f.remove_done_callback(cb2), len(f._callbacks), f.remove_done_callback(print))
f.set_result('value')
print(f._state, f.result(), f.exception(), repr(f), seen)
loop.run_until_complete(asyncio.sleep(0))
print(seen, f._callbacks)
try:
    f.set_result(1)
except asyncio.InvalidStateError as e:
    print('set twice:', e)
f.add_done_callback(cb2)
loop.run_until_complete(asyncio.sleep(0))
print(seen[-1])

g = _asyncio.Future(loop=loop)
g.set_exception(KeyError)
print(type(g.exception()).__name__, g._log_traceback)
try:
    g.result()
except KeyError as e:
    print('raised', repr(e))
for bad in (StopIteration(), 42):
    h = _asyncio.Future(loop=loop)
    try:
        h.set_exception(bad)
    except TypeError as e:
        print('TypeError', e)
try:
    g._log_traceback = True
except ValueError as e:
    print('ValueError', e)

c = _asyncio.Future(loop=loop)
c.add_done_callback(cb2)
print(c.cancel('why'), c.cancel(), c.cancelled(), c.done(), c._state, c._cancel_message)
for meth in (c.result, c.exception):
    try:
        meth()
    except asyncio.CancelledError as e:
        print('CancelledError', e.args)
loop.run_until_complete(asyncio.sleep(0))
print(seen[-1])

# the await iterator: yields the future once while pending, then returns its result
p = _asyncio.Future(loop=loop)
it = p.__await__()
print(type(it).__name__, iter(it) is it, next(it) is p, p._asyncio_future_blocking)
try:
    next(it)
except RuntimeError as e:
    print('RuntimeError', e)
p.set_result((1, 2))
it2 = iter(p)
try:
    it2.send(None)
except StopIteration as e:
    print('StopIteration', e.value)
try:
    _asyncio.Future(loop=loop).__await__().throw(ZeroDivisionError('thrown'))
except ZeroDivisionError as e:
    print('thrown back', e)

async def waiter(fut):
    return await fut
w = _asyncio.Future(loop=loop)
loop.call_soon(w.set_result, 'awaited')
print(loop.run_until_complete(waiter(w)))

# not initialized: made by __new__ alone
u = _asyncio.Future.__new__(_asyncio.Future)
for name in ('_state', '_loop', '_callbacks', '_result', '_exception', '_log_traceback', '_cancel_message', '_asyncio_future_blocking'):
    try:
        print(name, getattr(u, name))
    except RuntimeError as e:
        print(name, 'RuntimeError', e)
for meth in (u.result, u.exception, u.done, u.cancelled, u.cancel, u.get_loop, u.__await__, lambda: u.add_done_callback(print), lambda: u.set_result(1)):
    try:
        print(meth())
    except (RuntimeError, asyncio.InvalidStateError) as e:
        print(type(e).__name__, e)

class MyFuture(_asyncio.Future):
    def __init__(self, *, loop, tag):
        super().__init__(loop=loop)
        self.tag = tag

    def set_result(self, v):
        super().set_result(v * 10)


m = MyFuture(loop=loop, tag='t')
m.set_result(4)
print(type(m).__name__, m.tag, m.result(), isinstance(m, asyncio.Future), asyncio.isfuture(m), MyFuture[int])
print(asyncio.Future[str], repr(m))
loop.close()
