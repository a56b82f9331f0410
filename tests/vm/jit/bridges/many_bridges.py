# bridges: more than 128 of them, and exits taken from the later ones. A call of a function
# whose loop runs a different number of times at each call is inlined and its loop unrolled, so
# each trip count leaves the trace through another guard, which gets its own bridge. A guard
# failing in the 128th bridge returns an exit code of 2^31 or more (the bridge's number over
# the op's index): hooks.ts must decode it without a 32-bit shift.
def red(f, seq, v):
    for e in seq:
        v = f(v, e)
    return v


import operator
out = []
for n in range(400):
    out.append(red(operator.add, range(1, n + 1), 1))
print(len(out), out[:3], out[-1], sum(out))
