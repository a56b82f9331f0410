# drained: sum() of a generator expression, called 200 times. sum drains the generator
# (vm/interpreter/drain.ts), so the trace of its loop offers each item to sum's sink and runs
# on: one entry a call for all 50 items, not one entry an item.
def total(xs):
    return sum(x * 0.5 for x in xs)


xs = [float(i) for i in range(50)]
acc = 0.0
for k in range(200):
    acc += total(xs)
print(acc)
# the same generator taken item by item (through map) and then drained by list once started
g = (x + 1.0 for x in xs)
print(list(map(float, g))[:3], list(x for x in range(3)))
h = (x * 2 for x in range(100))
print(next(h), next(h), sum(h))
