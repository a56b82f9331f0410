# type(name, bases, ns) checks its arguments and the __slots__ it is given as CPython's type_new.
def t(f):
    try: r = f(); print('ok', r)
    except Exception as e: print(type(e).__name__, e)
t(lambda: type())
t(lambda: type('A', ()))
t(lambda: type('A', (), {}, ()))
t(lambda: type('A', (), dict={}))
t(lambda: type('A', [], {}))
t(lambda: type('A', (None,), {}))
t(lambda: type('A', (bool,), {}))
t(lambda: type('A\x00B', (), {}))
t(lambda: type(b'A', (), {}))
t(lambda: type('A', (), {'__slots__': b'x'}))
t(lambda: type('A', (int,), {'__slots__': 'x'}))
t(lambda: type('A', (), {'__slots__': ''}))
t(lambda: type('A', (), {'__slots__': '42'}))
t(lambda: type('A', (), {'__slots__': 'x\x00y'}))
t(lambda: type('A', (), {'__slots__': 'x', 'x': 0}))
t(lambda: type('A', (), {'__slots__': ('__dict__', '__dict__')}))
t(lambda: type('A', (), {'__slots__': ('__weakref__', '__weakref__')}))
t(lambda: type('A', (), {'__qualname__': 1}))
t(lambda: type('A', (), {'__doc__': 1}).__doc__)
C = type('C', (), {})
def setn(v):
    C.__name__ = v
t(lambda: setn('A\x00B'))
t(lambda: setn(1))
def setq(v):
    C.__qualname__ = v
t(lambda: setq(1))
t(lambda: type('A', (), {'__module__': 1}).__module__)
