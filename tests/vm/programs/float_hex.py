# float.hex() and float.fromhex(): exact hexadecimal forms, round trips, rounding half to even
# at the 53rd bit and at the subnormal boundary, specials, whitespace, errors, subclasses.
import sys

vals = [0.0, -0.0, 1.0, -1.0, 3.0, 0.1, 1 / 3, 2.0 ** -1074, 2.0 ** -1022, 2.0 ** -1023 * 3,
        sys.float_info.max, sys.float_info.min, 1e300, -1e-300, 123456.789, float('inf'),
        float('-inf'), float('nan'), 5e-324 * 7]
for v in vals:
    h = v.hex()
    back = float.fromhex(h)
    print(h, back == v or (back != back and v != v))

for s in ['0x1p0', '0X1P0', '1', '-0x1.8p+1', '+0x.8p1', '0x1.', '0x.1', 'a', 'Ff.fP-4',
          '  0x1p-1074  ', '0x1p-1075', '0x1.00000000000008p0', '0x1.00000000000018p0',
          '0x1.000000000000081p0', '0x1.fffffffffffff8p0', '0x1p-1076', '0x3p-1076',
          '0x1.fffffffffffff7ffp1023', '0x0.0000000000001p-1022', '0x1p-2000', '0x0p99999999999',
          '0x0000000000000000001p0', 'inf', '-Infinity', 'nan', ' -NaN ', '0x1p+1023',
          '0x1.8p-1074', '0x1.4p-1074', '0x1.cp-1074', '0x10p-4', '1p1', '1.5p2']:
    print(repr(s), repr(float.fromhex(s)))

for s in ['', ' ', '0x', '0x.', 'x1', '0x1p', '0x1p+', '0x1 p1', '1e1p0', 'infinit', '0x1p0x',
          '0x1.fffffffffffff8p1023', '0x1p1024', '0x1p99999999999999999', '- 0x1', '0x1_0']:
    try:
        print(repr(s), float.fromhex(s))
    except (ValueError, OverflowError) as e:
        print(repr(s), type(e).__name__, e)


class F(float):
    pass

f = F.fromhex('0x1.8p1')
print(type(f).__name__, f, F(2.5).hex())
try:
    float.fromhex(1.0)
except TypeError:
    print('TypeError')
