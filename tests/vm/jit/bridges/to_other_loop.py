# Two inner loops one after the other in an outer loop: each compiles on its own, and each
# one's exit bridge runs on into the other (the second's round the outer loop), ending in that
# loop's code instead of deoptimising at its header.
def f(n):
    total = 0
    i = 0
    while i < n:
        j = 0
        while j < 40:
            total += j
            j += 1
        k = 0
        while k < 30:
            total -= k // 2
            k += 1
        i += 1
    return total


print(f(300))
