# parameter and return annotations are kept in __annotations__, evaluated where the def stands
def f(a: int, b: 'str' = 'x', *args: float, c: list[int], d=1, **kw: dict) -> bool:
    pass
print(f.__annotations__)
def g(x, y=2):
    pass
print(g.__annotations__, g.__annotations__ is g.__annotations__)
g.__annotations__ = {'x': 1}
print(g.__annotations__)
try:
    g.__annotations__ = 5
except TypeError as e:
    print('TypeError:', e)
order = []
def note(v):
    order.append(v)
    return v
def h(p: note('p') = note('default'), *, k: note('k') = note('kwdefault')) -> note('ret'):
    pass
print(order, h.__annotations__)
def outer():
    T = 'local type'
    def inner(v: T) -> T:
        return v
    return inner.__annotations__
print(outer())
class C:
    def m(self, __p: int) -> 'C':
        pass
print(C.m.__annotations__)
async def co(x: int) -> None:
    pass
print(co.__annotations__)
lam = lambda x: x
print(lam.__annotations__)
import inspect
print(inspect.signature(f))
