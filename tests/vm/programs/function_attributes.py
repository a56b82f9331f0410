def f(a, b=2):
    """doc string"""
    return a
f.custom = 5
print(f.__name__, f.__doc__, f.custom, f.__defaults__, (lambda: 0).__name__)
