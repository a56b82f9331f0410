# traceback and frame objects, sys._getframe and code attributes
import sys

def inner():
    raise ValueError("deep")

def middle():
    inner()

def outer():
    try:
        middle()
    except ValueError as e:
        return e

e = outer()
tb = e.__traceback__
names = []
while tb is not None:
    names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
    tb = tb.tb_next
print(names)
print(type(e.__traceback__).__name__, type(e.__traceback__.tb_frame).__name__)
print(e.__traceback__ is e.__traceback__)
print(e.__traceback__.tb_frame.f_globals is globals())

try:
    1 / 0
except ZeroDivisionError:
    t, v, tb = sys.exc_info()
    print(t.__name__, tb is v.__traceback__, tb.tb_frame.f_code.co_name, tb.tb_next)

def who_called():
    return sys._getframe().f_back.f_code.co_name
def caller():
    return who_called()
print(caller(), sys._getframe().f_code.co_name, sys._getframe(1 - 1).f_back)
def lineno():
    return sys._getframe(1).f_lineno
print(lineno())
try:
    sys._getframe(100)
except ValueError as err:
    print(err)

def locs(a, b=2):
    c = a + b
    return sys._getframe().f_locals
print(sorted(locs(1).items()))

err = RuntimeError("x")
print(err.__traceback__)
try:
    raise err
except RuntimeError as caught:
    tb1 = caught.__traceback__
e2 = RuntimeError("y").with_traceback(tb1)
print(e2.__traceback__ is tb1)
e2.__traceback__ = None
print(e2.__traceback__)
try:
    raise e2.with_traceback(tb1)
except RuntimeError as c2:
    n = 0
    t = c2.__traceback__
    while t:
        n += 1
        t = t.tb_next
    print("chain", n)

def sample(x, y, *args, z=1, **kw):
    "doc"
    w = x + y
    return w
co = sample.__code__
print(co.co_name, co.co_qualname, co.co_argcount, co.co_kwonlyargcount, co.co_posonlyargcount)
print(co.co_varnames, co.co_firstlineno, co.co_filename == __file__)
print(co.co_flags & 0x0F, co.co_nlocals, "doc" in co.co_consts)
print(type(co).__name__, type(sample).__code__.__class__.__name__)
