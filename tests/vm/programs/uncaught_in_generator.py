def g():
    yield 1
    yield 1 / 0
print(list(g()))
