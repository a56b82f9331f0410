def g():
    try:
        yield 1
        yield 2
    finally:
        print("gen cleanup")
x = g()
print(next(x))
x.close()
print("closed")
def counter():
    i = 0
    while True:
        try:
            v = yield i
        except ValueError:
            v = 100
        i = v if v is not None else i + 1
c = counter()
print(next(c), c.send(10), c.throw(ValueError), next(c))
