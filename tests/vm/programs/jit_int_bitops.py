# & | ^ >> on ints in loops (the JIT records them as machine-int ops), and the masked product
# tail `(x * a + c) & m` whose product passes 2^53 (computed modulo 2^32 without a big int):
# negative values, values near 2^53 and 2^63 that must stay or become big ints, bools, int
# subclasses with their own operators, and tails that must not be taken.


def bitops(n):
    out = []
    x = -3000000000000123
    y = 4503599627370493
    acc = 0
    for i in range(n):
        a = x & y
        o = x | y
        e = x ^ y
        s = x >> (i % 70)
        t = y >> 3
        m = (x & 0xFFFFFFFF) | (i << 5)
        acc = (acc ^ a ^ o ^ e ^ s ^ t ^ m) & 0xFFFFFFFFFFFF
        x = e ^ 1099511627775
        y = (y >> 1) + i
        out.append((a, o, e, s, m))
    return acc, out[:3], out[-2:]


def near_limits(n):
    res = []
    big = 2 ** 53
    for i in range(n):
        v = big - 2 + i          # crosses 2^53: a machine int, then a big int
        res.append((v | 1, v & -4, v ^ 255, v >> 1, -v >> 7, (v << 2) >> 2))
        w = 2 ** 63 - 1 + i
        res.append((w & 0xFF, w | 1, w >> 62, -w >> 60))
    return res


def bools(n):
    r = []
    for i in range(n):
        b = i % 2 == 0
        r.append((b & True, b | False, b ^ True, b & 3, 5 | b, b >> 0, True >> 1, b ^ b))
    return r


class Mask(int):
    def __and__(self, o):
        return ('and', int(self), o)

    def __rand__(self, o):
        return ('rand', o, int(self))

    def __rshift__(self, o):
        return ('rshift', int(self), o)

    def __mul__(self, o):
        return Mask(int(self) * o + 1)

    def __radd__(self, o):
        return ('radd', o, int(self))


class Plain(int):
    pass


class Add(int):
    def __radd__(self, o):
        return o + int(self) + 1


def subclasses(n):
    r = []
    for i in range(n):
        k = Mask(i + 3)
        p = Plain(i + 5)
        r.append((k & 6, 6 & k, k >> 1, 7 | k, p & 3, p ^ 1, p >> 1, type(p & 3).__name__))
        r.append((k * 1103515245 + 12345) & 0x7FFFFFFF)
        r.append((p * 1103515245 + 12345) & 0x7FFFFFFF)
        r.append((i * 1103515245 + k) if i % 3 else 0)
        d = Add(i)
        r.append((p * 50000000000000 + d) & 0xFFFFF)
        r.append((i * 50000000000000 + d) & 0xFFFFF)
    return r


def lcg(n, seed):
    s = seed
    out = []
    for _ in range(n):
        s = (s * 1103515245 + 12345) & 0x7FFFFFFF
        out.append((s >> 8) % 600)
    return s, out[:5], sum(out)


def tails(n):
    r = []
    x = 987654321987
    c = 12345
    for i in range(n):
        x = (x * 6364136223 - 1442695040888963407) & 0xFFFFFFFF   # a big constant subtracted
        h = (x * 16777619) & 0xFFFFFFFF                         # no addition
        g = (x * 2654435761 + i - c + x) & 0xFFFF                # locals added and subtracted
        z = (x * 40000000000 + 7) & 0                           # mask 0
        q = (-x * 3000000001 + 5) & 0x7FFFFFFF                  # a negative product
        w = (x * 99999999999 + 1) & 0x1FFFFFFFF                 # a mask past 2^32: a big int
        v = (x * 1103515245 + 12345) | 0x7FFFFFFF               # not a mask: a big int
        u = (c + x * 1103515245) & 0xFFFFFF                     # the product on the right
        r.append((x, h, g, z, q, w, v, u))
    return r


def changing_local(n):
    # the local a tail adds stops being a machine int part way: a float, then a big int
    r = []
    x = 7
    for i in range(n):
        d = 1.5 if i == 5 else (2 ** 80 if i == 7 else i)
        y = (x * 5000000000 + d)
        if isinstance(y, float):
            r.append(('float', y > 0))
        else:
            r.append(y & 0xFFFFFFF)
        x = (x * 5000000000 + i) & 0xFFFFFFF
    return r


def hashes(words):
    h = 0
    out = []
    for s in words:
        for ch in s[:8]:
            h = (h * 131 + ord(ch)) & 0xFFFFFF
        out.append(f"{h:06x}")
    return out


def errors():
    r = []
    for k in (-1, 0, 1):
        try:
            r.append(5 >> k)
        except ValueError as e:
            r.append(str(e))
    return r


print(bitops(40))
print(near_limits(4))
print(bools(4))
print(subclasses(5))
print(lcg(200, 42))
print(lcg(50, 2 ** 40 + 3))
print(tails(30))
print(changing_local(10))
print(hashes(["kalomi", "nerusa", "tovize", "quapredor", "anelith"] * 3))
print(errors())
