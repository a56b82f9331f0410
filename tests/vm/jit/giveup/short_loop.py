# A loop of two iterations in a function called thousands of times: each entry and exit costs
# more than the two iterations save, so the JIT gives it up after its first 1000 entries
# (min_iters=8) and the interpreter stops asking about it; with min_iters=1 it is kept. (The
# loop is in its own function: a bridge from its exit cannot go round a caller's loop.)
def pair_sum(i, *rest):  # *rest: called, not inlined (its loop is entered on each call)
    total = 0
    for x in [i, i + 1]:
        total += x * 3
    return total


def pairs(n):
    total = 0
    for i in range(n):
        total += pair_sum(i)
    return total

print(pairs(4000))
