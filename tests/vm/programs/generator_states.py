def g():
    yield 1
gen = g()
print(list(gen), list(gen))
def empty():
    return
    yield
print(list(empty()))
