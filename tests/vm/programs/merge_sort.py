def msort(a):
    if len(a) <= 1:
        return a
    mid = len(a) // 2
    l, r = msort(a[:mid]), msort(a[mid:])
    out = []
    i = j = 0
    while i < len(l) and j < len(r):
        if l[i] <= r[j]:
            out.append(l[i]); i += 1
        else:
            out.append(r[j]); j += 1
    return out + l[i:] + r[j:]
import random
random.seed(5)
d = [random.randint(0, 99) for _ in range(50)]
print(msort(d) == sorted(d), msort(d)[:8])
