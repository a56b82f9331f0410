# types.MethodType(function, instance) binds by hand, as contextlib's ExitStack does.
import types
import contextlib


class C:
    def __init__(self, v):
        self.v = v


def get(self, extra=0):
    return self.v + extra


m = types.MethodType(get, C(5))
print(type(m).__name__, m(), m(extra=2), m.__self__.v, m.__func__ is get)
print(types.MethodType(len, 'abcd')())
for args in [(len,), (len, 1, 2), (1, 2), (len, None)]:
    try:
        types.MethodType(*args)
    except TypeError as e:
        print('TypeError', e)
try:
    types.MethodType(f=len, x=1)
except TypeError as e:
    print('TypeError', e)


class CM:
    def __enter__(self):
        print('enter')
        return self

    def __exit__(self, *exc):
        print('exit', exc[0])
        return False


with contextlib.ExitStack() as stack:
    stack.enter_context(CM())
    stack.callback(print, 'callback')
    print('body')
