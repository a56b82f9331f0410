# A Future subclass whose get_loop raises AttributeError: the task awaiting it falls back to its
# _loop, as CPython's C task step does (test_tasks' test_foobar hung the whole module on this).
import asyncio


class Fut(asyncio.Future):
    @property
    def get_loop(self):
        raise AttributeError


async def coro(fut):
    await fut
    return "spam"


loop = asyncio.new_event_loop()
try:
    fut = Fut(loop=loop)
    loop.call_soon(fut.set_result, 1)
    task = loop.create_task(coro(fut))
    print(loop.run_until_complete(task))
finally:
    loop.close()


class Obj:
    @property
    def x(self):
        raise AttributeError("x")

    @property
    def y(self):
        raise KeyError("y")


o = Obj()
print(hasattr(o, "x"), getattr(o, "x", "default"))
for f in (lambda: hasattr(o, "y"), lambda: getattr(o, "y", 1)):
    try:
        f()
    except KeyError as e:
        print("KeyError", e)
