# loop: norms
# math.sqrt of a float is the machine's square root (float_sqrt), guarded by x >= 0.0
import math


def norms(xs):
    s = 0.0
    for x in xs:
        s += math.sqrt(x)
    return s


print(norms([float(i) for i in range(6)]))
