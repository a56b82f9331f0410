import math
for n in [0, 1, 2, 3, 5, 10, 20, 21, 22, 23, 25, 31, 32, 33, 34, 63, 64, 65, 100, 170, 171, 500, 1000, 1234]:
    f = math.factorial(n)
    print(n, f % 1000000007, len(str(f)))
import functools, operator
print(all(math.factorial(n) == functools.reduce(operator.mul, range(1, n + 1), 1) for n in range(300)))
print(math.factorial(True))
for bad in [-1, 2.0, "3"]:
    try:
        math.factorial(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
