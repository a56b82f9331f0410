# math.sqrt in hot loops: floats the JIT takes straight to the machine's square root, and the
# arguments it must leave to the interpreter (negative, NaN, ints, float subclasses, -0.0).
import math


class F(float):
    pass


def roots(xs):
    out = []
    for x in xs:
        try:
            out.append(math.sqrt(x))
        except ValueError as e:
            out.append(f"ValueError: {e}")
    return out


vals = [0.0, 1.0, 2.0, 0.25, 1e300, 1e-300, float("inf"), -0.0, 9, 16, F(6.25), True]
for _ in range(3):
    r = roots(vals * 20)
print([repr(v) for v in r[:12]])
print(math.copysign(1.0, math.sqrt(-0.0)))
print(roots([4.0] * 30 + [-1.0] + [9.0] * 5)[-7:])
print(roots([4.0] * 30 + [float("nan")])[-1])
print(roots([4.0] * 30 + [-float("inf")])[-1])
s = 0.0
sqrt = math.sqrt
for i in range(3000):
    s += sqrt(i * 0.5)
print(round(s, 6))
