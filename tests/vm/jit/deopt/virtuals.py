# Virtual objects live at the failing guard: unboxed ints and floats and a tuple that was never
# allocated in the trace; deoptimisation materialises them (a tuple kept in two places stays
# one object).
def run(n, limit):
    total = 0
    keep = None
    for i in range(n):
        a = i * 3
        f = i * 0.5
        t = (a, f)
        u = t
        b, c = t
        if a > limit:  # deopt-here: the branch goes the other way
            keep = (t, u is t, b, c)
        total += b
    return total, keep

print(run(30, 60))
