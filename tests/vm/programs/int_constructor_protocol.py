# int(x): an int subclass's own __int__, __int__/__index__ giving an int subclass (deprecated),
# __trunc__ (deprecated) and its Integral result, bases by __index__ and out of range, the
# ValueError naming bytes as bytes, no old-style octal with base 0
import warnings


def show(f, *args):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        try:
            r = f(*args)
            out = f'{r!r} {type(r).__name__}'
        except Exception as e:
            out = f'{type(e).__name__}: {e}'
    print(out, [f'{x.category.__name__}: {x.message}' for x in w])


class MyInt(int):
    def __int__(self):
        return 42


class BadInt(int):
    def __int__(self):
        return 42.0


class MyIndex(int):
    def __index__(self):
        return 42


class IndexTrue:
    def __index__(self):
        return True


class IntTrue:
    def __int__(self):
        return True


class Index42:
    def __index__(self):
        return 42


class Trunc:
    def __init__(self, r):
        self.r = r

    def __trunc__(self):
        return self.r


class NonIntegral:
    def __trunc__(self):
        return NonIntegral()


class IntOverridesTrunc:
    def __int__(self):
        return 42

    def __trunc__(self):
        return -12


show(int, MyInt(7))
show(int, BadInt(7))
show(int, MyIndex(7))
show(int, IndexTrue())
show(int, IntTrue())
show(int, Trunc(42))
show(int, Trunc(True))
show(int, Trunc(Index42()))
show(int, Trunc(IntTrue()))
show(int, Trunc(NonIntegral()))
show(int, IntOverridesTrunc())
show(int, object())
show(int, '101', Index42() if False else IndexTrue().__index__() + 1)
for base in [2**100, -2**100, 1, 37, -909, 0]:
    show(int, '0', base)


class B:
    def __init__(self, b):
        self.b = b

    def __index__(self):
        return self.b


show(int, '101', B(36))
for s in [b'123\x00', b'123\xbd', bytearray(b'12a'), memoryview(b'9x'), '123\x00', ' 12 3 ']:
    show(int, s)
show(int, b'123\x00', 10)
for lit in ['0_7', '09_99', '0_', '0_0', '00', '0_00', '0x_f', '0_b0', '0b1_', '0o5__77', '007', '0']:
    show(int, lit, 0)
show(int, '0_100')
show(int, '09')
