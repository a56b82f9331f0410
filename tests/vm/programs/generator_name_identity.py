# a generator's __name__ and __qualname__ are the same object on each read (types.coroutine's
# wrapper passes them through, checked with `is`)
def gen_func():
    yield 1
g = gen_func()
print(g.__name__ is g.__name__, g.__qualname__ is g.__qualname__, g.__name__, g.__qualname__)
g.__name__ = 'renamed'
print(g.__name__ is g.__name__, g.__name__)
import types
@types.coroutine
def foo(): return g
print(foo().__name__ is g.__name__, foo().gi_code is g.gi_code)
