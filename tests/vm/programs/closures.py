def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = counter()
c(); c()
print(c())
def make_adders():
    return [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in make_adders()])
x = 1
def gl():
    global x
    x = 2
gl(); print(x)
def outer():
    v = "outer"
    def mid():
        def inner():
            return v
        return inner()
    return mid()
print(outer())
