# obj.m(...) where m is a builtin method found on the class of an instance with attributes
# (_asyncio's Future and Task, _io's classes, their Python subclasses): called with the instance
# as its first argument without a bound method, and still shadowed by an instance attribute,
# overridden by a subclass, or replaced on the class between calls.
import asyncio
import io


def calls(fut):
    return [fut.done(), fut.cancelled(), fut.get_loop() is loop]


loop = asyncio.new_event_loop()
fut = loop.create_future()
for _ in range(3):
    print(calls(fut))
fut.set_result(42)
print(calls(fut), fut.result(), fut.exception())

# an instance attribute shadows the class's method, and stops doing so when deleted


class MyFuture(asyncio.Future):
    pass


mf = MyFuture(loop=loop)
out = []
for i in range(4):
    if i == 1:
        mf.done = lambda: 'shadowed'
    if i == 3:
        del mf.done
    out.append(mf.done())
print(out)


# a subclass's override wins; replacing the method on the class is seen by the next call
class Counting(asyncio.Future):
    n = 0

    def done(self):
        Counting.n += 1
        return super().done()


cf = Counting(loop=loop)
print([cf.done() for _ in range(3)], Counting.n)
Counting.done = lambda self: 'replaced'
print([cf.done() for _ in range(2)])
del Counting.done
print([cf.done() for _ in range(2)], Counting.n)

# callbacks added and removed through the method, many times
seen = []
f2 = loop.create_future()
for i in range(5):
    f2.add_done_callback(lambda f, i=i: seen.append((i, f.result())))
print(f2.remove_done_callback(print))
f2.set_result('r')
loop.run_until_complete(asyncio.sleep(0))
print(seen)

# a wrong receiver is refused as the bound method's call would refuse it
try:
    asyncio.Future.done(object())
except TypeError:
    print('TypeError')


class Odd:
    done = asyncio.Future.done


try:
    Odd().done()
except TypeError:
    print('TypeError')


# _io classes subclassed in Python
class Log(io.StringIO):
    def note(self, s):
        self.write(s)
        self.write('\n')


lg = Log()
for w in ('a', 'b', 'c'):
    lg.note(w)
print(repr(lg.getvalue()), lg.tell(), lg.closed)
lg.close()
try:
    lg.write('x')
except ValueError as e:
    print('ValueError', e)


# a task's methods while it runs
async def job(n):
    t = asyncio.current_task()
    names = [t.get_name() == t.get_name(), t.done(), t.cancelled(), t.get_coro() is not None]
    await asyncio.sleep(0)
    return names, n


async def main():
    ts = [asyncio.ensure_future(job(i)) for i in range(3)]
    for t in ts:
        t.set_name('job')
    res = await asyncio.gather(*ts)
    return res, [t.get_name() for t in ts], [t.done() for t in ts]


print(loop.run_until_complete(main()))
loop.close()
