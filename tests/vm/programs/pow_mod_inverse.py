# pow(base, negative exponent, modulus) raises the modular inverse (3.8+); fractions relies on
# it for hashing, and sys.hash_info's constants
import sys
from fractions import Fraction

M = 2**61 - 1
print(pow(1, -1, M), pow(3, -1, 7), pow(38, -1, 97), pow(-3, -2, -7), pow(5, -3, 2**100 + 1))
for a, m in [(2, 4), (0, 5), (6, 9)]:
    try:
        pow(a, -1, m)
    except ValueError as e:
        print(a, m, e)
hi = sys.hash_info
print(hi.width, hi.modulus == M, hi.inf, hi.nan, hi.imag, hi.algorithm)
print(hash(Fraction(5)) == hash(5), Fraction(5) == 5, hash(Fraction(-7)) == hash(-7))
print(Fraction(3, 4) + Fraction(1, 4), {Fraction(2): 'two'}[2])
ii = sys.int_info
print(ii.bits_per_digit, ii.sizeof_digit, ii.str_digits_check_threshold)
