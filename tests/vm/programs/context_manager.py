class CM:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None)
        return t is KeyError
with CM("a") as c:
    print("body", c.name)
with CM("b"):
    raise KeyError("k")
print("after")
try:
    with CM("c"), CM("d"):
        raise ValueError("v")
except ValueError as e:
    print("caught", e)
def f():
    with CM("ret"):
        return 5
print(f())
