# A loop of two iterations entered thousands of times: each entry and exit costs more than the
# two iterations save, so the JIT gives it up after its first 1000 entries (min_iters=8) and the
# interpreter stops asking about it; with min_iters=1 it is kept.
def pairs(n):
    total = 0
    for i in range(n):
        row = [i, i + 1]
        for x in row:
            total += x * 3
    return total

print(pairs(4000))
