# gi_frame/cr_frame/ag_frame (None once finished; f_back None while suspended), gi_suspended,
# gi_yieldfrom/cr_await (what a suspended generator delegates to), each under its own prefix.
import types


def inner():
    yield 1
    yield 2


def outer():
    yield from inner()


g = outer()
print("before start", g.gi_frame is not None, g.gi_suspended, g.gi_yieldfrom)
print("frame line at start", g.gi_frame.f_lineno - g.gi_code.co_firstlineno)
next(g)
print("suspended", g.gi_suspended, g.gi_running)
print("yieldfrom", type(g.gi_yieldfrom).__name__, g.gi_yieldfrom.gi_code.co_name)
print("f_back while suspended", g.gi_frame.f_back)
print("line", g.gi_frame.f_lineno - g.gi_code.co_firstlineno)
list(g)
print("finished", g.gi_frame, g.gi_suspended, g.gi_yieldfrom)
print(hasattr(g, "cr_frame"), hasattr(g, "ag_frame"), hasattr(g, "cr_await"))


@types.coroutine
def suspend():
    yield "tick"


async def leaf():
    await suspend()
    return 5


async def coro():
    return await leaf()


c = coro()
print("coroutine not started", c.cr_frame is not None, c.cr_await, c.cr_suspended, c.cr_origin)
print(c.send(None))
print("awaiting", c.cr_await.__qualname__, c.cr_await.cr_await.__name__)
print("running", c.cr_running, "line", c.cr_frame.f_lineno - c.cr_code.co_firstlineno)
try:
    c.send(None)
except StopIteration as e:
    print("returned", e.value)
print("done", c.cr_frame, c.cr_await, c.cr_suspended)
print(hasattr(c, "gi_frame"), hasattr(c, "gi_yieldfrom"))


def running_view():
    yield gen_self.gi_running, gen_self.gi_suspended, gen_self.gi_frame.f_back is not None


gen_self = running_view()
print("inside", next(gen_self))


async def agen():
    yield 1


a = agen()
print("async gen", a.ag_frame is not None, a.ag_await, a.ag_running, hasattr(a, "ag_suspended"))
try:
    a.asend(None).send(None)
except StopIteration as e:
    print("yielded", e.value)
try:
    a.aclose().send(None)
except StopIteration:
    pass
print("closed", a.ag_frame)
