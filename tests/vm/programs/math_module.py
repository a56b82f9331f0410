import math
print(math.sqrt(16), math.floor(-2.5), math.ceil(2.1), math.pi, math.gcd(12, 18), math.factorial(20))
print(math.isqrt(10**20 + 1), math.log(math.e), math.log2(8), math.hypot(3, 4), math.inf > 10**100, math.isnan(math.nan))
print(math.comb(10, 3), math.perm(5, 2), round(math.sin(math.pi / 2), 6), math.fabs(-3), math.trunc(-3.7))
