# Products through every multiplication path (schoolbook columns, Karatsuba, Toom-3, lopsided
# slices, squares of each) at sizes around their thresholds (48, 128 and 2000 digits of 24 bits),
# with operands whose digits are all ones (carries at every digit boundary), powers of two,
# sparse numbers and negative signs, checked against identities and CPython's printed sums.
import random

random.seed(2024)
M = (1 << 61) - 1
acc = 0


def check(a, b):
    global acc
    p = a * b
    s = a * a
    if b:
        assert p // b == a and p % b == 0
    assert p == b * a and s == a ** 2 and (-a) * b == -p and (-a) * (-a) == s
    assert s - b * b == (a + b) * (a - b)
    acc = (acc * 1000003 + p % M + s % M + p.bit_length() + s.bit_length()) % M


for digits in [1, 2, 31, 32, 47, 48, 49, 95, 96, 97, 98, 143, 239, 240, 241, 242, 480, 721, 1000, 2000, 4100]:
    bits = 24 * digits
    for shape in range(7):
        a = random.getrandbits(bits) | 1 << (bits - 1)
        if shape == 0:
            b = random.getrandbits(bits)
        elif shape == 1:
            b = random.getrandbits(bits * 2 // 3 + 5)
        elif shape == 2:
            b = random.getrandbits(bits // 2 + 3)
        elif shape == 3:
            b = random.getrandbits(bits // 7 + 1) + 1
        elif shape == 4:
            a = (1 << bits) - 1
            b = (1 << (bits - 24 * (digits // 3))) - 1
        elif shape == 5:
            a = 1 << (bits - 1)
            b = (1 << bits) + 1
        else:
            a = (1 << bits) - (1 << (bits // 2)) + 1
            b = -((1 << (bits // 3)) - 1) * ((1 << bits) - 1)
        check(a, b)
        check(b, a)
print(acc)
x = 3 ** 20000
y = x * x * x
print(y % M, y.bit_length(), (x * (x + 1)) % M, hex(x * x)[:30])
