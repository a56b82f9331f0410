# AttributeError's name and obj, NameError's name, ImportError's msg, name and path: given as
# keywords, or set by the failed lookup, name or import that raised it (CPython 3.11).
e = AttributeError('x', name='a', obj=1)
print(e.args, e.name, e.obj)
print(AttributeError('y').name, AttributeError('y').obj)
n = NameError('z', name='q'); print(n.name, NameError().name)
i = ImportError('m', name='n', path='p'); print(i.msg, i.name, i.path, i.args)
try:
    ValueError('x', name=1)
except TypeError as t: print(t)
try:
    AttributeError('x', bad=1)
except TypeError as t: print(t)
class A: pass
a = A()
try: a.zz
except AttributeError as e: print(e.name, e.obj is a)
try: object.__getattribute__(a, 'zz')
except AttributeError as e: print(e.name, e.obj is a)
try: undefined_name
except NameError as e: print(e.name)
def f():
    try: undefined_2
    except NameError as e: print(e.name)
f()
try: import nosuchmod_xyz
except ImportError as e: print(e.name, e.msg.split(' (')[0])
try: from os import nosuchname_xyz
except ImportError as e: print(e.name, e.msg.split(' (')[0])
try: (1).foo
except AttributeError as e: print(e.name, e.obj)
