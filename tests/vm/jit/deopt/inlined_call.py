# A guard fails inside an inlined call (two levels deep): the inlined frames are rebuilt and
# finished by the interpreter, then the loop's frame continues.
def inner(v, k):
    w = v * k  # deopt-here: v turns into a string
    return w

def outer(v):
    t = inner(v, 2)
    return t, len(str(t))

def run(xs):
    acc = []
    for x in xs:
        r = outer(x)
        acc.append(r)
    return acc

print(run([1, 2, 3, 4, 5, 6, 7, 'ab', 8]))
