# Calls of functions with loops are inlined and their loops unrolled into the caller's trace
# (norm1's three items); a loop that runs past the unroll budget (long_sum's 200) makes its
# function one that is called instead, and the caller's loop is recorded again.
def norm1(v):
    s = 0
    for x in v:
        s += abs(x)
    return s


def long_sum(n):
    s = 0
    for i in range(n):
        s += i
    return s


def run(n):
    t = 0
    v = [3, -4, 5]
    for i in range(n):
        t += norm1(v) + i
    return t


def run_long(n):
    t = 0
    for i in range(n):
        t += long_sum(200) - i
    return t


print(run(3000))
print(run_long(300))
