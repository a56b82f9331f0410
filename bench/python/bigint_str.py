# Decimal conversion of big ints: str() of numbers of 100,000 digits and int() of the strings
# back (CPython 3.11's own conversions are quadratic here).
import sys

if hasattr(sys, "set_int_max_str_digits"):
    sys.set_int_max_str_digits(0)

x = 3**209590
total = 0
for i in range(3):
    s = str(x + i)
    y = int(s)
    total += len(s) + int(s[-6:]) + int(s[:6]) + (y == x + i)
    s = str(-(x * (i + 2)))
    total += len(s) + int(s[-6:])
print(total)
