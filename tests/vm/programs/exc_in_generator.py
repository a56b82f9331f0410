def g():
    yield 1
    raise ValueError("from gen")
try:
    for x in g():
        print(x)
except ValueError as e:
    print("caught", e)
