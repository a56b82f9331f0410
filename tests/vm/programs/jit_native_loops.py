# Hot loops over what the native JIT backends compile inline (int ALU with overflow into big
# ints, floor division and modulo by constants with Python's signs, float arithmetic and NaN
# comparisons, attribute and list access, guards that fail late); run with a tiny threshold
# the output must not change.
def int_loop(n):
    total = 0
    acc = 1
    for i in range(-n, n):
        total += i * 7 - (i // 3) + (i % 5) - (i // -4) + (i % -6)
        acc = acc * 3 + 1 if acc < 10 ** 12 else acc // 7
        if i == n - 3:
            total += 2 ** 62  # leaves the machine-int range late in the loop
    return total, acc


def overflow_loop():
    x = 2 ** 52
    out = []
    i = 0
    while i < 40:
        x = x + x // 3 + i
        out.append(x.bit_length())
        i += 1
    return out


def float_loop(n):
    acc = 0.0
    x = 0.5
    nan = float('nan')
    flags = 0
    for i in range(n):
        acc += x * 1.0001 - i / 7.0
        x += 0.25
        if acc < x:
            flags += 1
        if acc <= nan or acc >= nan or acc == nan:
            flags += 1000
        if acc != nan:
            flags += 2
        y = float(i) ** 0.5
        if y > 10.0:
            flags += 3
    return acc, flags


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def attr_loop(n):
    ps = [P(i, -i) for i in range(10)]
    s = 0
    for i in range(n):
        p = ps[i % 10]
        p.x = p.x + p.y + 1
        s += p.x
        if i == n - 5:
            ps[3] = P(1.5, 2.5)  # a float field: the class guard and the int guards fail
    return s, [p.x for p in ps]


def compare_loop(n):
    c = [0, 0, 0, 0, 0, 0]
    for i in range(n):
        j = (i * 37) % 11 - 5
        if j < 0:
            c[0] += 1
        if j <= 0:
            c[1] += 1
        if j == 0:
            c[2] += 1
        if j != 0:
            c[3] += 1
        if j > 0:
            c[4] += 1
        if j >= 0:
            c[5] += 1
    return c


print(int_loop(300))
print(overflow_loop())
print(float_loop(400))
print(attr_loop(300))
print(compare_loop(500))
