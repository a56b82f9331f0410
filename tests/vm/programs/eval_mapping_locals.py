# eval() and exec() take any mapping as locals: the *_NAME opcodes, locals() and dir() go through
# its __getitem__/__setitem__/__delitem__ and keys(), as CPython's do.
import collections
class M:
    def __getitem__(self, key):
        if key == 'a':
            return 12
        raise KeyError
    def keys(self):
        return list('xyz')
m = M()
g = globals()
print(eval('a', g, m))
try: eval('b', g, m)
except NameError as e: print(e)
print(eval('dir()', g, m), eval('globals()', g, m) is g, eval('locals()', g, m) is m)
class A: pass
for loc in (A(), [1], 'ab'):
    try: eval('a', g, loc)
    except TypeError as e: print(e)
try: eval('a', m)
except TypeError as e: print(e)
class D(dict):
    def __getitem__(self, key):
        if key == 'a':
            return 12
        return dict.__getitem__(self, key)
    def keys(self):
        return list('xyz')
d = D()
print(eval('a', g, d), eval('dir()', g, d), eval('locals()', g, d) is d)
try: eval('b', g, d)
except NameError as e: print(e)
print(eval('[locals() for i in (2,3)]', g, d) is not None)
u = collections.UserDict()
print(len(eval('[locals() for i in (2,3)]', g, u)))
class SpreadSheet:
    _cells = {}
    def __setitem__(self, key, formula):
        self._cells[key] = formula
    def __getitem__(self, key):
        return eval(self._cells[key], globals(), self)
ss = SpreadSheet()
ss['a1'] = '5'
ss['a2'] = 'a1*6'
ss['a3'] = 'a2*7'
print(ss['a3'])
class C:
    def __getitem__(self, item):
        raise KeyError(item)
    def keys(self):
        return 1
try: eval('dir()', globals(), C())
except TypeError as e: print(e)
class X:
    def __getitem__(self, key):
        raise ValueError('boom')
try: eval("foo", {}, X())
except ValueError as e: print('ValueError', e)
u = collections.UserDict()
exec("x = 1\ny = x + 1\ndel x\nfor i in range(3): pass", {}, u)
print(dict(u))
try: exec("del q", {}, u)
except NameError as e: print(e)
