# array methods called with the wrong number of arguments raise CPython's TypeError
# (a.__delitem__() used to read a missing argument and stop the VM).
import array
a = array.array('b', [1, 2])
for m, args in (('__delitem__', ()), ('__getitem__', ()), ('insert', (1,)), ('append', ()),
                ('__setitem__', (1,)), ('fromfile', (1,)), ('count', (1, 2)), ('extend', ())):
    try:
        getattr(a, m)(*args)
    except TypeError as e:
        print(m, e)
print(a)
