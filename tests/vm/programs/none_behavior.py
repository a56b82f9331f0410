x = None
print(x is None, x == None, bool(x), str(x), repr(x), [x], type(x).__name__)
def f(): pass
print(f(), f() is None)
