# Sizes too large to allocate, or too long to fit a C integer: CPython raises MemoryError,
# OverflowError or ValueError, and the program goes on (the VM must not stop on them).
import sys

# below 2**53, so that the VM untranslated (JS numbers) sees the same machine-sized ints
HUGE = 2 ** 50
from array import array


def attempt(label, f):
    try:
        r = f()
        print(label, 'ok', len(r))
    except (MemoryError, OverflowError, ValueError) as e:
        print(label, type(e).__name__, e)


attempt('width 10000 digits', lambda: format(0, '1' * 10000 + 'd'))
attempt('precision 10000 digits', lambda: format(0, '.' + '1' * 10000 + 'd'))
attempt('both', lambda: format(0, '1' * 1000 + '.' + '1' * 10000 + 'd'))
attempt('str.format width', lambda: '{:99999999999999999999}'.format(1))
attempt('% width', lambda: '%99999999999999999999d' % 1)
attempt('% precision', lambda: '%.99999999999999999999f' % 1.0)
attempt('huge width', lambda: format('x', '99999999999'))
attempt('huge int width', lambda: format(7, '>99999999999'))
attempt('rjust', lambda: 'x'.rjust(HUGE))
attempt('zfill', lambda: '1'.zfill(HUGE))
attempt('bytes zfill', lambda: b'1'.zfill(HUGE))
attempt('str repeat', lambda: 'ab' * HUGE)
attempt('str repeat over', lambda: 'ab' * (sys.maxsize + 1))
attempt('list repeat', lambda: [0] * HUGE)
attempt('bytes repeat', lambda: b'ab' * HUGE)

a = array('d', [-1] * 65536)
try:
    a *= HUGE // 65536 + 1
except MemoryError:
    print('array *= MemoryError', len(a))
b = array('d', [2.5, 3.5, -1])
attempt('array *', lambda: b * HUGE)
attempt('array * ok', lambda: b * 3)
print(format(5, '08.3f'), format('ab', '^7'), '%5.2f|' % 3.14159, 'x'.center(5, '*'))

# a thousands separator with a presentation type that has no thousands
for spec in (',x', '_x', ',X', ',o', '_b', ',n', '_n', ',s', ',c', ',d', '_e', ',%', ',', ',.2f'):
    try:
        print(spec, format(12345, spec) if spec[-1] not in 'sc' else format('ab', spec))
    except ValueError as e:
        print(spec, e)
