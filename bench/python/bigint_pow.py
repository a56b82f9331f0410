# Big-int power: 10**10**5 (the case that once took 86 s) and powers of other bases, by
# repeated squaring, so the time is that of multiplying numbers of up to ~330,000 bits.
import sys

if hasattr(sys, "set_int_max_str_digits"):
    sys.set_int_max_str_digits(0)

M = 1000000007
total = 0
for base, exp in [(10, 10**5), (3, 200000), (7, 120000), (12345, 20000), (2**61 - 1, 5000)]:
    x = base**exp
    total = (total * 31 + x % M + x.bit_length()) % M
    print(base, exp, x.bit_length(), x % M)
print(total)
