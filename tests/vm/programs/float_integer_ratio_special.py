# float.as_integer_ratio of NaN and the infinities raises as CPython (NaN looped forever, which
# hung Fraction.from_float and statistics' _exact_ratio: test_fractions and test_statistics
# timed out)
from fractions import Fraction
import statistics

for v in [float('nan'), float('inf'), float('-inf')]:
    for f in [float.as_integer_ratio, Fraction.from_float, Fraction]:
        try:
            print(f(v))
        except (ValueError, OverflowError) as e:
            print(type(e).__name__, e)
for v in [0.0, -0.0, 2.5, 1e23, 5e-324, 3.2, -1.5e-300]:
    print(v.as_integer_ratio() == (Fraction(v).numerator, Fraction(v).denominator), Fraction(v) == v)
print(statistics.mean([1.0, float('nan')]), statistics.median([1.0, 2.0, 4.0]))
print(statistics.mean([1, 2, float('inf')]))
for v in (0.0, -0.0, 0.5, -2.75, 1e300, 5e-324, 0.1):
    n, d = v.as_integer_ratio()
    print(n % 1000003, d % 1000003, d.bit_length())
