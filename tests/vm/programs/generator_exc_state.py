# A generator has its own exc_info slot: what it handles does not leak into its caller, and
# with nothing of its own it sees its caller's (CPython's exception-state chain).
import sys


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
def reraiser():
    try:
        1 / 0
    except ZeroDivisionError:
        yield sys.exc_info()[0]
        raise


it = reraiser()
try:
    raise TypeError
except TypeError:
    print(next(it))
try:
    next(it)
except ZeroDivisionError as e:
    print(sys.exc_info()[1] is e, e.__context__)
print(sys.exc_info())


# gen.throw() from a handler: the caller's state is restored after
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
def gen():
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


g = gen()
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
        yield from inner()


def inner():
    yield sys.exc_info()[1]
    try:
        raise IndexError
    except IndexError:
        yield sys.exc_info()[0]
    yield sys.exc_info()[1]


print(list(outer()))
