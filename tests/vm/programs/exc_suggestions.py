# "Did you mean" in the tracebacks sys.excepthook prints for AttributeError and NameError
# (CPython 3.11's suggestions.c): nearest attribute of exc.obj, nearest local, global or builtin.
import io
import sys


def report(fn):
    try:
        fn()
    except BaseException:
        err = io.StringIO()
        old = sys.stderr
        sys.stderr = err
        try:
            sys.__excepthook__(*sys.exc_info())
        finally:
            sys.stderr = old
        print(err.getvalue().splitlines()[-1])


class A:
    blech = None
    Bluck = None

    def __getattr__(self, attr):
        raise AttributeError()


class B:
    blech = None


global_for_suggestions = None


def substitution():
    noise = more_noise = a = bc = None
    blech = None
    print(bluch)


def from_globals():
    print(global_for_suggestios)


def from_builtins():
    print(ZeroDivisionErrrrr)


def no_match():
    print(somethingverydifferent)


def unbound():
    x = 1
    del x
    print(x)


report(lambda: B().bluch)
report(lambda: B().blech2)
report(lambda: A().bluch)
report(lambda: (1.5).hexx)
report(lambda: 'abc'.uper)
report(lambda: B().zzzzzzzzz)
report(lambda: getattr(B(), 'bluch'))
report(lambda: sys.vresion)
report(substitution)
report(from_globals)
report(from_builtins)
report(no_match)
report(unbound)
report(lambda: (_ for _ in ()).throw(AttributeError('x', name='blich', obj=B())))
report(lambda: (_ for _ in ()).throw(AttributeError('x', name=1, obj=B())))
report(lambda: (_ for _ in ()).throw(NameError('plain')))


# the AttributeError a __getattr__ raises propagates as it is, given name and obj when it has
# neither
class Custom:
    def __getattr__(self, attr):
        raise AttributeError('custom ' + attr)


class Named:
    def __getattr__(self, attr):
        raise AttributeError('named', name='other', obj=None)


for obj in [Custom(), Named()]:
    try:
        obj.missing
    except AttributeError as e:
        print(repr(e), e.name, type(e.obj).__name__)
    try:
        getattr(obj, 'missing2')
    except AttributeError as e:
        print(repr(e), e.name, type(e.obj).__name__)
print(getattr(Custom(), 'x', 'default'), hasattr(Custom(), 'x'))
