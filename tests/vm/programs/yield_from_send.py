def inner():
    x = yield "first"
    y = yield f"got {x}"
    return x + y
def outer():
    r = yield from inner()
    yield f"result {r}"
g = outer()
print(next(g), g.send(1), g.send(2))
