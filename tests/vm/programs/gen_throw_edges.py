# gen.throw edge cases as CPython 3.11: a class whose __new__ makes no exception throws that
# TypeError into the generator; while a throw is delegated through `yield from`, the delegating
# generator's frame is the inner one's f_back and it is running.
import sys


class E(Exception):
    def __new__(cls, *args, **kwargs):
        return cls


def boring():
    yield


gen = boring()
try:
    gen.throw(E)
except TypeError as e:
    print('TypeError:', str(e).replace(__name__, 'M'))
print(next(gen, 'exhausted'))


def catcher():
    try:
        yield
    except TypeError as e:
        print('caught inside:', str(e).replace(__name__, 'M'))


gen = catcher()
next(gen)
try:
    gen.throw(E)
except StopIteration:
    print('StopIteration')
try:
    raise E
except TypeError as e:
    print('TypeError:', str(e).replace(__name__, 'M'))


def names():
    f = sys._getframe()
    out = []
    while f is not None and f.f_code.co_name != '<module>':
        out.append(f.f_code.co_name)
        f = f.f_back
    return out


def inner():
    try:
        yield 1
    except RuntimeError:
        print('inner sees', names(), outer_gen.gi_running)
        yield 2


def outer():
    yield from inner()


outer_gen = outer()
next(outer_gen)
print(outer_gen.throw(RuntimeError), outer_gen.gi_running, outer_gen.gi_frame.f_back)
