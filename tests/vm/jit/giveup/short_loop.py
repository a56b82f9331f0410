# A loop of two iterations in a function called thousands of times: each entry and exit costs
# more than the two iterations save, so the JIT gives it up after its first 1000 entries
# (min_iters=8) and the interpreter stops asking about it; with min_iters=1 it is kept. (The
# loop is in its own function: a bridge from its exit cannot go round a caller's loop; and
# the caller's loop sets up a try block, which the recorder does not trace, so pair_sum is not
# inlined into a trace of it with its loop unrolled.)
def pair_sum(i):
    total = 0
    for x in [i, i + 1]:
        total += x * 3
    return total


def pairs(n):
    total = 0
    for i in range(n):
        try:
            total += pair_sum(i)
        except ValueError:
            pass
    return total

print(pairs(4000))
