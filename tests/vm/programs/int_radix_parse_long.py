# int(s, base) for long strings in every base: power-of-two bases are packed bit by bit, the
# others split in halves (both used to be quadratic: 65,000 hex digits took 16 s)
import sys

sys.set_int_max_str_digits(0)
for base in range(2, 37):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"[:base]
    s = "".join(digits[(i * 7 + 3) % base] for i in range(3001))
    n = int(s, base)
    # recompose by Horner's rule in small pieces, so the check does not use the same parser
    m = 0
    for c in s:
        m = m * base + digits.index(c)
    print(base, n == m, n.bit_length(), n % 1000003, int(s.upper(), base) == n, int("-" + s, base) == -n)
print(hex(int("c" * 500_000, 16))[-8:], int("c" * 500_000, 16).bit_length())
print(int("1" * 100_000, 2).bit_count(), int("1" * 100_000, 32).bit_length())
print(int("0x" + "f" * 24, 16), int("0b" + "1" * 48, 0), int("0o" + "7" * 9, 0))
print(int("1" * 40000, 3) % 999983, int("z" * 20000, 36) % 999983)
