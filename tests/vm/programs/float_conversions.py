# float(): text forms, buffers, __float__/__index__ order, keywords; round() with any ndigits;
# the format mini-language's no-type precision and '#'; pow's special values; hash of NaN and
# of integral floats
import math
import sys
import warnings
from array import array


def err(f, *a, **k):
    try:
        r = f(*a, **k)
    except Exception as e:
        return type(e).__name__ + ': ' + str(e)
    return repr(r)


for s in ['nan', '-NaN', '+nan', '.nan', '++nan', 'nan.', '  1_0.5 ', '1__0', 'inf', '-Infinity', 'infx', '0x1p3', ' .25e-1 ']:
    print(repr(s), err(float, s))
print(math.isnan(float('-nan')))
print(float(b' 3.14 '), float(bytearray(b'2.5')), float(memoryview(b'12.3\x00')[1:4]), float(array('B', b' 3.14 ')))
print(err(float, memoryview(b'A' * 4)).split(':')[0], err(float, bytearray(b'A_')))
print(err(float, x='3.14'))


class Sub(float):
    pass


print(err(Sub, x=0), type(Sub(2.5)).__name__)


class WithInit(float):
    def __init__(self, arg, newarg=None):
        self.newarg = newarg


print(WithInit(2.5, newarg=3).newarg)


class Own(float):
    def __float__(self):
        return 42.0


class Bad(float):
    def __float__(self):
        return 42


class Idx:
    def __index__(self):
        return 7


class Str(str):
    def __float__(self):
        return float(str(self)) + 1


class Other(float):
    pass


class ReturnsSub:
    def __float__(self):
        return Other(4.0)


print(float(Own()), err(float, Bad(1.0)), float(Idx()), float(Str('8')))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    r = float(ReturnsSub())
print(r, type(r).__name__, [x.category.__name__ for x in w])
print(err(float, Idx, ))
print(err(float, 1j))

for n in [324, 2**31, 2**100, -308, -309, -2**100]:
    print(n, round(123.456, n), round(-123.456, n), round(1e300, n))
print(round(1e150, 300) == 1e150, round(1.4e-315, 315), round(2.675, 2), round(-0.5, 0), round(1234.5678, -2))
print(err(round, 1.6e308, -308), err(round, -1.7e308, -308))

print(format(1234.56, '.4'), format(1234.56, '.5'), format(1.0, '.1'), format(0.0001, '.3'), format(123.0, '.3'))
print('%#.0e' % 0.01, '%#.0f' % 2.0, '%#f' % float('inf'), '%#g' % 1.0, '%#.1g' % 1.0, '%#.0e' % float('nan'))
print(format(5.0, '#.0%'), format(2.0, '#.0f'), format(1e10, '#.0e'))

INF = float('inf')
NAN = float('nan')
for x, y in [(-INF, NAN), (-2.0, NAN), (1.0, NAN), (NAN, 0.0), (-1.0, INF), (-1.0, -INF), (0.5, INF), (2.0, -INF), (-INF, 0.5), (-INF, 3.0), (-INF, -3.0), (-0.0, 3.0)]:
    print(x, y, err(pow, x, y))
print(err(pow, -2.0, 0.5), err(pow, 0.0, -1.0), err(pow, 0.0, -INF))

print(hash(float(sys.float_info.max)) == hash(int(sys.float_info.max)), hash(2.0 ** 80) == hash(2 ** 80))
v = float('nan')
print(hash(v) == object.__hash__(v), hash(INF), hash(-INF), hash(-7.0) == hash(-7))
