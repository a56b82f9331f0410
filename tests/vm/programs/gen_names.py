# __name__ and __qualname__ of generators, coroutines and async generators can be set to a str
# (repr shows the new qualname) and cannot be set to anything else or deleted.


def func():
    yield 1


async def coro():
    pass


async def agen():
    yield 1


for g in [func(), coro(), agen()]:
    print(g.__name__, g.__qualname__)
    g.__name__ = 'name'
    g.__qualname__ = 'qual'
    print(g.__name__, g.__qualname__, repr(g).split(' at ')[0])
    for action in [lambda: setattr(g, '__name__', 123), lambda: setattr(g, '__qualname__', None),
                   lambda: delattr(g, '__name__'), lambda: delattr(g, '__qualname__')]:
        try:
            action()
        except TypeError as e:
            print('TypeError:', e)
    if hasattr(g, 'close'):
        g.close()
