import random
random.seed(1)
data = [random.randint(0, 1000) for _ in range(200)]
def qs(a):
    if len(a) <= 1:
        return a
    p = a[0]
    return qs([x for x in a[1:] if x < p]) + [p] + qs([x for x in a[1:] if x >= p])
print(qs(data) == sorted(data), qs(data)[:5])
