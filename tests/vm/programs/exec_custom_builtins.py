# Code run with globals of its own reads globals['__builtins__'] (a module's dict or any mapping)
# for the builtins, as CPython's LOAD_GLOBAL, LOAD_NAME and LOAD_BUILD_CLASS do; globals or
# builtins that are dict subclasses with their own __getitem__/__setitem__ are used through them.
import builtins, sys

def show(src, g):
    try:
        exec(src, g)
        print('ok')
    except Exception as e:
        print(type(e).__name__, e)

show("print('hello')", {'__builtins__': {}})
show("print('hello')", {'__builtins__': 123})
show("print('hello')", {'__builtins__': builtins})

class frozendict_error(Exception):
    pass
class frozendict(dict):
    def __setitem__(self, key, value):
        raise frozendict_error("frozendict is readonly")
fb = frozendict(builtins.__dict__)
show("__builtins__['superglobal'] = 2; print(superglobal)", {'__builtins__': fb})
for b in ({}, fb, frozendict()):
    show("class A: pass", {'__builtins__': b})
show("x = 1", frozendict({}))

class setonlyerror(Exception):
    pass
class setonlydict(dict):
    def __getitem__(self, key):
        raise setonlyerror('get ' + key)
show("globalname", setonlydict({'globalname': 1}))
show("superglobal", {'__builtins__': setonlydict({'superglobal': 1})})

class customdict(dict):
    pass
show("print(superglobal)", {'__builtins__': customdict({'superglobal': 1, 'print': print})})
show("superglobal", {'__builtins__': customdict()})

g = {'__builtins__': {'len': 'mylen'}}
exec("def h():\n    return len\nr = h()", g)
print(g['r'])
g = {'__builtins__': {'sys': sys}}
exec("r = sys._getframe().f_builtins", g)
print(g['r'] is g['__builtins__'], sys._getframe().f_builtins is builtins.__dict__)
