def deco(f):
    def wrapper(*a, **k):
        print("calling", f.__name__)
        return f(*a, **k)
    return wrapper
def times(n):
    def d(f):
        def w(x):
            return f(x) * n
        return w
    return d
@deco
def add(a, b):
    return a + b
@times(3)
def ident(x):
    return x
print(add(1, 2), ident(4))
