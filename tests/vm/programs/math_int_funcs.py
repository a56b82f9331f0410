import math
print(math.gcd(0, 0), math.gcd(-12, 18), math.factorial(0), math.comb(52, 5), math.isqrt(99), math.floor(10 ** 20 + 0.5) > 0)
try:
    math.factorial(-1)
except ValueError as e:
    print(e)
