# BaseException.__reduce__/__setstate__ as CPython 3.11's: (type, args[, state]) without the
# attributes CPython keeps in C members, ImportError's name/path in its state, OSError's file
# name back in args; pickling and copying keep args and extra attributes; __init__ resets the
# keyword attributes it was not given.
import copy
import pickle

for e in [StopIteration(3), SystemExit(2), OSError(2, 'x', 'f'), OSError(2, 'x', 'f', None, 'g'),
          UnicodeDecodeError('utf-8', b'ab', 0, 1, 'r'), AttributeError('x', name='n', obj=1),
          NameError('x', name='y'), ImportError('m', name='n'), ImportError('m', path='p'),
          SyntaxError('m', ('f', 1, 2, 't')), KeyError(1), BaseException(1), Exception()]:
    print(type(e).__name__, e.__reduce__())
    e.extra = [1]
    print(' ', e.__reduce__())
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        p = pickle.loads(pickle.dumps(e, proto))
        assert (type(p), p.args, p.extra, str(p)) == (type(e), e.args, e.extra, str(e)), (proto, p)
    for c in copy.copy, copy.deepcopy:
        p = c(e)
        assert (type(p), p.args, p.extra, str(p)) == (type(e), e.args, e.extra, str(e)), (c, p)

orig = ImportError('test', name='somename', path='somepath')
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    exc = pickle.loads(pickle.dumps(orig, proto))
    print(exc.args, exc.msg, exc.name, exc.path)
e = OSError(2, 'No such file', 'a', None, 'b')
c = copy.copy(e)
print(type(c).__name__, c.errno, c.strerror, c.filename, c.filename2)

exc = ImportError('test', name='name', path='path')
exc.__init__()
print(exc.args, exc.msg, exc.name, exc.path)
exc = AttributeError('x', name='n', obj=1)
exc.__init__('y')
print(exc.args, exc.name, exc.obj)
e = Exception(1)
e.__setstate__({'a': 1, 'b': 2})
e.__setstate__(None)
print(e.a, e.b)
try:
    e.__setstate__(5)
except TypeError as err:
    print('TypeError:', err)
