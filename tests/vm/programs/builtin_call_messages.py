# CPython's words for augmented-assignment operand errors, the keyword arguments the builtin
# constructors refuse, dir() of the local scope (sorted), and a bound method's repr naming a
# callable by its __qualname__ or __name__.
import types

for src in ("x = None\nx **= 2", "x = None\nx += 1", "x = None\nx //= 1", "x = None\nx @= 1",
            "x = None\nx <<= 1", "x = None\ny = x ** 2", "x = None\ny = x + 1", "x = [1]\nx *= 'a'",
            "int(x=1)", "int('1', 2, 3)", "int(base=2)", "float(x=2)", "bool(x=2)", "list(x=1)",
            "tuple(x=1)", "str(x=1)", "str(object=1, y=2)", "classmethod(len, kw=1)", "staticmethod(len, kw=1)", "classmethod()"):
    try:
        exec(src)
        print('no error:', src)
    except TypeError as e:
        print(e)
print(int('11', base=2), int(x='7') if False else int('7'), complex(imag=42, real=666), str(object=500), str(object=b"abc", errors="strict"))


def scope():
    junk = 12
    self = 1
    b = 2
    return dir()


print(scope())


class MyCallable:
    def __call__(self, arg):
        pass


func = MyCallable()
method = types.MethodType(func, 5)
print(repr(method))
func.__name__ = "name"
print(repr(method))
func.__qualname__ = "qualname"
print(repr(method))
