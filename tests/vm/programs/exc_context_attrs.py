# __cause__/__context__ accept only exceptions or None and cannot be deleted; raising an
# exception again from a handler cuts the context link that would form a cycle; `except` checks
# every class it names before matching any.


def show(fn):
    try:
        fn()
    except TypeError as e:
        print('TypeError:', e)


show(lambda: setattr(Exception(), '__cause__', 1))
show(lambda: delattr(Exception(), '__cause__'))
show(lambda: setattr(Exception(), '__context__', 1))
show(lambda: delattr(Exception(), '__context__'))
e = Exception()
e.__cause__ = KeyError()
e.__context__ = None
print(repr(e.__cause__), e.__context__, e.__suppress_context__)


class A(Exception):
    pass


class B(Exception):
    pass


class C(Exception):
    pass


try:
    try:
        raise A
    except A as a_:
        a = a_
        try:
            raise B
        except B as b_:
            b = b_
            try:
                raise C
            except C as c_:
                c = c_
                print(a.__context__, b.__context__ is a, c.__context__ is b)
                raise a
except A as exc:
    print(exc is a, exc.__context__ is c, c.__context__ is b, b.__context__)


def gen():
    try:
        raise B
    except B:
        yield 1


g = gen()
next(g)
try:
    g.throw(a)
except A as e:
    print(e.__context__.__class__.__name__, e.__context__.__context__)


def catch(spec):
    try:
        raise ValueError
    except spec:
        return 'caught'


show(lambda: catch(42))
show(lambda: catch((ValueError, 42)))
print(catch((KeyError, ValueError)))
