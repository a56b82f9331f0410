# Products above the Karatsuba threshold (64 digits of 24 bits: ~462 decimal digits), balanced,
# unbalanced and squares, and decimal conversion both ways above the divide-and-conquer
# threshold (64 digits, 448 decimal characters), checked against identities and CPython.
import random

random.seed(12345)
M = 1000000007
acc = 0
for bits in [700, 768, 800, 1536, 1600, 3100, 6500]:
    for t in range(3):
        a = random.getrandbits(bits) | 1 << (bits - 1)
        b = random.getrandbits(bits // (t + 1) + 13) + 1
        if t == 2:
            a = -a
        p = a * b
        assert p // b == a and p % b == 0
        assert a * a == a ** 2 and (a + b) * (a - b) == a * a - b * b
        s = str(p)
        assert int(s) == p
        acc = (acc * 31 + p % M + len(s) + int(s[-9:]) + int(s[1:10])) % M
        print(bits, t, len(s), s[:12], s[-12:], hex(p)[-8:], p.bit_length())
x = 10 ** 2000
print(len(str(x)), str(x - 1) == "9" * 2000, int("1" + "0" * 1999) * 10 == x)
print(str(3 ** 4000)[:20], str(3 ** 4000)[-20:], int("7" * 1500) % M)
print(acc)
