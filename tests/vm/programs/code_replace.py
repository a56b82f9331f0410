# code.replace, func.__code__ assignment, and types.coroutine's awaitable generators
import types, sysconfig

def f(a, b=2):
    return a + b

c = f.__code__
r = c.replace(co_name='g', co_firstlineno=42)
print(r.co_name, r.co_firstlineno, r.co_varnames, r.co_argcount, c.co_name)
f.__code__ = r
print(f(1), f.__code__.co_name)
print(c.replace().co_flags == c.co_flags)

for bad in [dict(co_name=3), dict(co_bogus=1), dict(co_consts=[1])]:
    try:
        c.replace(**bad)
    except TypeError as e:
        print('TypeError', e)
try:
    c.replace(1)
except TypeError as e:
    print('TypeError', e)
try:
    f.__code__ = 5
except TypeError as e:
    print('TypeError', e)

def outer():
    x = 1
    def inner():
        return x
    return inner
try:
    f.__code__ = outer().__code__
except ValueError as e:
    print('ValueError', e)

@types.coroutine
def sleep0():
    yield 'tick'

print(bool(sleep0.__code__.co_flags & 0x100))

async def main():
    await sleep0()
    return 'done'

co = main()
print(co.send(None))
try:
    co.send(None)
except StopIteration as e:
    print('result', e.value)

print(sysconfig.get_config_var('Py_DEBUG'), sysconfig.get_config_var('NO_SUCH_VAR'))
