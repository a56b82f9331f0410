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


# --- the exception-state chain seen through yields (sys.exc_info()[0] at each step) ---


def yield_raise():
    try:
        raise KeyError("caught")
    except KeyError:
        yield sys.exc_info()[0]
        yield sys.exc_info()[0]
    yield sys.exc_info()[0]


g = yield_raise()
print(next(g), sys.exc_info()[0])
print(next(g), sys.exc_info()[0])
print(next(g), sys.exc_info()[0])
try:
    raise TypeError("foo")
except TypeError:
    g = yield_raise()
    print(next(g), sys.exc_info()[0])
    print(next(g), sys.exc_info()[0])
    print(next(g), sys.exc_info()[0])
print(sys.exc_info())


# a bare raise after a yield re-raises the generator's own exception
def reraiser2():
    try:
        1 / 0
    except ZeroDivisionError:
        yield sys.exc_info()[0]
        raise


it = reraiser2()
try:
    raise TypeError
except TypeError:
    print(next(it))
try:
    next(it)
except ZeroDivisionError as e:
    print(sys.exc_info()[1] is e, e.__context__)
print(sys.exc_info())


# gen2.throw() from a handler: the caller's state is restored after
def catcher():
    try:
        yield
    except ZeroDivisionError:
        yield sys.exc_info()[1]


it = catcher()
next(it)
try:
    1 / 0
except ZeroDivisionError as e:
    got = it.throw(e)
    print(sys.exc_info()[1] is e, got is e)
print(sys.exc_info())


# an exception thrown in is chained to what the generator handles, a new one to the thrown one
def gen2():
    try:
        try:
            print(sys.exc_info()[0])
            yield
        except ValueError:
            print(sys.exc_info()[0])
            raise TypeError()
    except Exception as exc:
        print(sys.exc_info()[0], type(exc.__context__))
    print(sys.exc_info()[0])
    yield
    print(sys.exc_info()[0])
    yield "done"


g = gen2()
next(g)
try:
    raise ValueError
except Exception as exc:
    g.throw(exc)
    print(exc.__context__)
print(next(g))
print(sys.exc_info())


def outer():
    try:
        raise OSError("outer")
    except OSError:
        yield from inner2()


def inner2():
    yield sys.exc_info()[1]
    try:
        raise IndexError
    except IndexError:
        yield sys.exc_info()[0]
    yield sys.exc_info()[1]


print(list(outer()))
