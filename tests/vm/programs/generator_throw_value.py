# generator.throw(type, value): an instance value is thrown itself (contextlib passes one whose
# class needs constructor arguments), a tuple value is the arguments, a plain value the one argument.
import contextlib
class E(ValueError):
    def __init__(self, msg, doc, pos):
        ValueError.__init__(self, msg)
        self.doc = doc
@contextlib.contextmanager
def cm():
    try:
        yield
    except E as e:
        print('caught', e, e.doc)
with cm():
    raise E('m', 'd', 1)
def g():
    try:
        yield 1
    except E as e:
        print('g caught', e.doc)
        yield 2
it = g(); next(it)
e = E('x', 'dd', 2)
print(it.throw(E, e, None))
print(it.throw(E, e) if False else 'ok')
def h():
    try:
        yield 1
    except Exception as e:
        print('h', type(e).__name__, e.args)
        yield 2
for a in [(KeyError,), (KeyError, None), (KeyError, 'k'), (KeyError, ('a', 'b')), (KeyError('z'),), (KeyError('z'), None)]:
    it = h(); next(it)
    print(it.throw(*a))
try:
    it = h(); next(it); it.throw(KeyError('z'), 'v')
except TypeError as e:
    print('TypeError', e)
