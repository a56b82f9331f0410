a = 10 ** 25
b = 3 ** 40
print(a + b, a - b, b - a, a * -b, a // b, a % b, -a // b, -a % b, divmod(a, b), a // -7, a > b, a == 10 ** 25)
print(float(a), a / b, int(float(2 ** 60)), 2 ** 63 - 1, -(2 ** 63), abs(-a), a << 3, a >> 10, a & 0xffff, a | 1, a ^ a)
