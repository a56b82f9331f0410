# Ints and floats boxed by JIT code (the native backend bumps through a window of the
# collector's region that it counted beforehand), with interpreter allocations of the same
# size in between and collections in the middle: the survivors keep their values, and the
# boxes made after a collection are not handed out twice.
import gc


class Box:
    def __init__(self):
        self.n = 0
        self.f = 0.0


def run(n):
    b = Box()
    keep = []
    for i in range(n):
        b.n += 1000
        b.f += 0.5
        if i % 997 == 0:
            keep.append(b.n)
            keep.append(b.f)
            keep.append([i, i + 1])
        if i % 6007 == 0:
            gc.collect()
    return b, keep


b, keep = run(30000)
print(b.n, b.f, len(keep))
print(sum(keep[0::3]), sum(keep[1::3]), sum(p[0] + p[1] for p in keep[2::3]))
junk = [[j * 1000, j + 0.25] for j in range(5000)]
gc.collect()
print(keep[:6], keep[-3:], sum(x[0] for x in junk), sum(x[1] for x in junk))
ok = all(keep[3 * k] == (997 * k + 1) * 1000 and keep[3 * k + 1] == (997 * k + 1) * 0.5 for k in range(len(keep) // 3))
print(ok)
