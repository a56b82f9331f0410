# Each generator and coroutine has its own handled-exception state (gi_exc_state): what it
# handles while suspended does not leak to its caller, and the caller's shows through inside
# it only when it handles none of its own.
import sys


def show(tag):
    e = sys.exc_info()[1]
    print(tag, None if e is None else repr(e))


def gen():
    show("gen start")
    try:
        raise ValueError("inside")
    except ValueError:
        show("gen handler before yield")
        yield 1
        show("gen handler after yield")
    show("gen after handler")
    yield 2


g = gen()
next(g)
show("caller after first yield")
try:
    raise KeyError("outer")
except KeyError:
    next(g)
    show("caller handler after second resume")
show("caller at end")


def inner():
    show("inner sees caller")
    yield
    show("inner resumed")


i = inner()
try:
    raise TypeError("t1")
except TypeError:
    next(i)
try:
    raise IndexError("t2")
except IndexError:
    next(i, None)


# a bare raise inside a generator re-raises the caller's exception when it handles none
def reraiser():
    yield
    raise


r = reraiser()
next(r)
try:
    raise LookupError("from caller")
except LookupError:
    try:
        next(r)
    except LookupError as e:
        print("reraised", repr(e))
r2 = reraiser()
next(r2)
try:
    next(r2)
except RuntimeError as e:
    print("no active", e)


# implicit chaining inside a generator sees the caller's exception
def chainer():
    yield
    raise OSError("in gen")


c = chainer()
next(c)
try:
    raise ZeroDivisionError("ctx")
except ZeroDivisionError:
    try:
        next(c)
    except OSError as e:
        print("context", repr(e.__context__))


# coroutines driven by hand, as an event loop does
class Suspend:
    def __await__(self):
        yield "tick"


async def coro(tag):
    try:
        raise RuntimeError(tag)
    except RuntimeError:
        await Suspend()
        show(tag + " after await in handler")
    await Suspend()
    show(tag + " after handler")


a = coro("a")
b = coro("b")
a.send(None)
show("loop after a")
b.send(None)
show("loop after b")
a.send(None)
show("loop after a2")
b.send(None)
for co in (a, b):
    try:
        co.send(None)
    except StopIteration:
        print("done")
show("loop end")
