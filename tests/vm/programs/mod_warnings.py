# warnings over _warnings: filters, registries, catch_warnings, errors, stacklevel, formatting.
import io
import sys
import warnings
import _warnings

print(warnings.filters is _warnings.filters, warnings.warn is _warnings.warn)
print(warnings.filters[:5] if not sys.warnoptions else 'options')
print(_warnings._defaultaction, _warnings._onceregistry)

out = io.StringIO()


def show(message, category, filename, lineno, file=None, line=None):
    out.write('%s:%s: %s: %s\n' % (filename.rsplit('/', 1)[-1], lineno, category.__name__, message))


warnings.showwarning = show


def emit(text, cat=UserWarning, level=1):
    warnings.warn(text, cat, stacklevel=level + 1)


for i in range(3):
    emit('default action shows once per location')
warnings.warn('a RuntimeWarning', RuntimeWarning)
warnings.warn(UserWarning('an instance'))
warnings.warn('deprecated here', DeprecationWarning)  # __main__: shown by default
emit('pending', PendingDeprecationWarning)  # ignored by default
print(out.getvalue(), end='')
out.truncate(0)
out.seek(0)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    for i in range(2):
        emit('always shown')
    warnings.warn('x', ImportWarning)
    print([(str(w.message), w.category.__name__, w.lineno > 0) for w in caught])

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('once')
    for i in range(3):
        emit('once only')
        warnings.warn('once only')
    print(len(caught))

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('module')
    for i in range(2):
        emit('per module')
        warnings.warn('per module')
    print(len(caught))

with warnings.catch_warnings():
    warnings.simplefilter('error')
    try:
        warnings.warn('now an error', FutureWarning)
    except FutureWarning as e:
        print('raised', type(e).__name__, e)
    warnings.filterwarnings('ignore', message='skip.*')
    warnings.warn('skip me')
    try:
        warnings.warn('but not me')
    except UserWarning as e:
        print('raised', e)

with warnings.catch_warnings(record=True) as caught:
    warnings.resetwarnings()
    warnings.filterwarnings('always', category=RuntimeWarning)
    warnings.filterwarnings('ignore', module='__main__', category=UserWarning)
    warnings.warn('hidden')
    warnings.warn('seen', RuntimeWarning)
    warnings.warn_explicit('explicit', SyntaxWarning, 'some/file.py', 12)
    warnings.warn_explicit('explicit', UserWarning, 'other.py', 7, module='other')
    print([(str(w.message), w.category.__name__, w.filename.rsplit('/', 1)[-1], w.lineno) for w in caught])

print(warnings.filters == warnings.filters[:], len(warnings.filters))

reg = {}
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('default')
    for i in range(3):
        warnings.warn_explicit('registry', UserWarning, 'f.py', 3, registry=reg)
    print(len(caught), sorted(k for k in reg if k != 'version'))

for bad in [lambda: warnings.warn('x', int), lambda: warnings.warn('x', 'UserWarning'),
            lambda: warnings.warn_explicit('x', UserWarning, 'f', 1, registry=5)]:
    try:
        bad()
    except TypeError as e:
        print('TypeError:', e)

print(warnings.formatwarning('msg', UserWarning, 'file.py', 10, 'the line'), end='')
s = io.StringIO()
warnings.showwarning = warnings._showwarning_orig
warnings.showwarning('to a file', RuntimeWarning, 'mod.py', 4, file=s, line='  source here  ')
print(s.getvalue(), end='')
