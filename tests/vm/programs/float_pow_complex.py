# A negative float to a fractional power is complex (float_pow hands it to complex's power).
import math
print(pow(-1, 0.5), (-8.0) ** (1 / 3), pow(-1.0, 0.5), (-2) ** 0.5, (-2.5) ** -1.5)
print(type((-1) ** 0.5).__name__, (-1.0) ** 2.0, (-2.0) ** -1, pow(-math.inf, 0.5), pow(-1.0, math.nan))
x = -4.0
x **= 0.5
print(x)
try:
    0.0 ** -1.5
except ZeroDivisionError as e:
    print(e)
