# Loops the JIT never compiles (a threshold above their iteration count, or given up) must not
# call into the JIT on each iteration: the interpreter counts them down in code.jitCount.
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


def count(n):
    k = 0
    while k < n:
        k += 1
    return k


print(pairs(4000))
print(count(5000))
