import math
for deg in (0, 30, 45, 60, 90):
    r = math.radians(deg)
    print(deg, round(math.sin(r), 4), round(math.cos(r), 4))
print(math.floor(-0.0), math.fsum([0.1] * 10), sum([0.1] * 10))
