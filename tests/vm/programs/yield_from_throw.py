def inner():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("inner caught", e)
        yield "recovered"
    return "inner done"
def outer():
    r = yield from inner()
    print("outer got", r)
    yield "outer end"
g = outer()
print(next(g))
print(g.throw(ValueError("x")))
print(next(g))
def closing():
    try:
        yield from inner()
    finally:
        print("outer finally")
c = closing()
next(c)
c.close()
print("done")
