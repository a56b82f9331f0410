class Suppress:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        return True
def f():
    with Suppress():
        raise RuntimeError("gone")
    return "after"
print(f())
def g():
    for x in range(3):
        with Suppress():
            if x == 1:
                break
    return x
print(g())
