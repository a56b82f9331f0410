# A bridge inside a bridge: the i % 3 == 0 path gets a bridge, and the guard on i % 2
# inside that bridge fails often enough to get a bridge of its own; both end in the loop.
def f(n):
    a = 0
    b = 0.0
    c = []
    for i in range(n):
        if i % 3 == 0:
            a += i
            if i % 2 == 0:
                c.append(i)
        else:
            b += 0.5
    return a, b, len(c), sum(c)


print(f(3000))
print(f(10))
