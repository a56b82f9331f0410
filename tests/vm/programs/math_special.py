# The math functions CPython 3.11 has beyond the basic ones: exact results printed exactly,
# approximations to 12 significant digits, and the errors with their messages.
import math

for x in [0.0, 1e-10, 0.1, 0.5, 0.9, 1.2, 1.5, 2.5, 4.0, 8.0, 26.0, -0.3, -1.1, -3.5]:
    print('erf', x, '%.12g' % math.erf(x), '%.12g' % math.erfc(x), '%.12g' % (math.erf(x) + math.erfc(x)))
print(math.erf(math.inf), math.erf(-math.inf), math.erfc(-math.inf), math.erfc(30.0), math.isnan(math.erf(math.nan)))

for x in [0.5, 1.0, 2.0, 3.0, 5.0, 10.0, 23.0, 1.5, 2.7, 7.5, 30.25, 100.5, 171.5, 0.01, -0.5, -1.5, -2.25, -10.1, -170.9]:
    print('gamma', x, '%.12g' % math.gamma(x), '%.12g' % math.lgamma(x))
print(math.gamma(20.0) == 121645100408832000.0, math.lgamma(1.0), math.lgamma(2.0), math.gamma(math.inf), math.lgamma(-math.inf))
for f, a in [(math.gamma, 0.0), (math.gamma, -3.0), (math.gamma, -math.inf), (math.lgamma, 0.0), (math.lgamma, -7.0),
             (math.gamma, 172.0), (math.lgamma, 1e308), (math.acosh, 0.5), (math.atanh, 1.0), (math.atanh, -1.0),
             (math.log1p, -1.0), (math.expm1, 1000.0), (math.exp2, 1025.0), (math.remainder, (math.inf, 1.0)),
             (math.remainder, (1.0, 0.0))]:
    try:
        print(f(*a) if isinstance(a, tuple) else f(a))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)

for x in [0.0, 1e-20, 0.5, 1.0, 3.0, 100.0, -2.0, -1e10]:
    print('hyp', x, '%.12g' % math.asinh(x), '%.12g' % math.expm1(x), '%.12g' % math.log1p(abs(x)), '%.12g' % math.exp2(x / 3))
print('%.12g %.12g %.12g %.12g' % (math.acosh(1.0), math.acosh(1.5), math.acosh(1e30), math.atanh(0.5)), math.atanh(-0.0), math.asinh(-0.0))
print(math.exp2(10), math.exp2(-1074), math.exp2(0.5) == math.sqrt(2))

# exact: stepping between floats
print(math.ulp(1.0), math.ulp(-2.0), math.ulp(0.0), math.ulp(1e300), math.ulp(5e-324), math.ulp(math.inf), math.ulp(1.7976931348623157e308))
print(math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0), math.nextafter(2.0, 0.0), math.nextafter(-2.0, 0.0), math.nextafter(-1.0, -2.0))
print(math.nextafter(0.0, -1.0), math.nextafter(5e-324, 0.0), math.nextafter(2.2250738585072014e-308, 0.0), math.nextafter(1.7976931348623157e308, math.inf), math.nextafter(math.inf, 0.0), math.nextafter(3.0, 3.0))
print(math.isnan(math.nextafter(math.nan, 1.0)), math.isnan(math.ulp(math.nan)))

# exact: fsum is correctly rounded
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.fsum([2.0 ** 53, -0.5, -2.0 ** -54]), math.fsum([2.0 ** 53, 1.0, 2.0 ** -100]), math.fsum([1.0, 2.0 ** -53, 2.0 ** -106]))
print(math.fsum([]), math.fsum(iter([1, 2, 3])), math.fsum([math.inf, 1.0, 2.0]), math.fsum([-math.inf, -math.inf]))
for bad in [[math.inf, -math.inf], [1e308, 1e308], [1.7976931348623157e308, 1e292]]:
    try:
        print(math.fsum(bad))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)

# exact: IEEE remainder rounds the quotient half to even
print(math.remainder(5.0, 2.0), math.remainder(7.0, 2.0), math.remainder(-5.0, 2.0), math.remainder(10.0, 3.0))
print(math.remainder(-4.0, 2.0), math.remainder(3.0, math.inf), math.remainder(1e300, 3.0), math.remainder(0.75, 0.5), math.remainder(1.25, 0.5))

print(math.dist((1, 2), (4, 6)), math.dist([0.0], [3.5]), math.dist((1.0, 2.0, 3.0), (1.0, 2.0, 3.0)), math.dist(iter([1e200, 0]), (0, 1e200)))
print(math.hypot(3, 4), math.hypot(1e200, 1e200), math.hypot(), math.hypot(-7), math.hypot(math.inf, math.nan), math.isnan(math.hypot(math.nan, 1)))
for call in [lambda: math.dist((1,), (1, 2)), lambda: math.erf(), lambda: math.gamma(1, 2), lambda: math.nextafter(1.0),
             lambda: math.erf('x'), lambda: math.dist((1, 'a'), (1, 2))]:
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
