# ranges whose bounds or length pass a machine int (_collections_abc builds range(1 << 1000))
r = range(1 << 100)
print(r, bool(r), r.start, r.stop, r.step)
print(type(iter(r)).__name__)
it = iter(range(1 << 64, (1 << 64) + 5, 2))
print(list(it))
print((1 << 99) in r, -1 in r, (1 << 100) in r, 5 in range(10**20, 10**20 + 10))
print(r[-1], r[5], range(10**20, 0, -10**19)[3])
print(range(1 << 70, 1 << 71, 1 << 69).index(3 << 69), range(1 << 70).count(7))
print(range(1 << 70) == range(0, 1 << 70), range(1 << 70) == range(5), list(range(10**20, 10**20 - 3, -1)))
try:
    len(r)
except OverflowError as e:
    print('OverflowError', e)
try:
    r[1 << 100]
except IndexError as e:
    print('IndexError', e)
print(list(reversed(range(3))), 3 in range(5), (1 << 80) in range(5))
