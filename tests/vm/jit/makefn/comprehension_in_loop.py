# A loop that makes functions each iteration: a list comprehension, a lambda with a default,
# a closure over the loop variable, a nested def with keyword defaults and annotations. The
# recorder makes them with a residual call (MAKE_FUNCTION) instead of aborting, and calls
# them without inlining (each iteration has a new function object); h is called without
# keywords (a keyword call aborts recording).


def run(n):
    total = 0
    keep = []
    for i in range(n):
        sq = [j * j for j in range(i % 5)]
        f = lambda x, k=i: x + k
        g = lambda: i * 2

        def h(a: int, *, b=3) -> int:
            return a * b + i

        total += sum(sq) + f(1) + g() + h(2)
        if i % 97 == 0:
            keep.append(f)
    return total, [k(0) for k in keep], h.__annotations__, h.__kwdefaults__, f.__defaults__


print(run(3000))
print(run(50))
