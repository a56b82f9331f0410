import math
print(math.floor(7 / 2), math.ceil(-0.5), math.exp(0), math.log10(1000), math.pow(2, 8), math.copysign(3, -1))
print(math.isclose(0.1 + 0.2, 0.3), math.degrees(math.pi), math.atan2(1, 1) * 4, math.lcm(4, 6), math.prod([1, 2, 3, 4]))
try:
    math.sqrt(-1)
except ValueError as e:
    print(e)
