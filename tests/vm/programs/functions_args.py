def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))
print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, e=6))
def g(x, /, y):
    return x + y
print(g(1, y=2), g(1, 2))
args = [1, 2]
kw = {"y": 5}
print(g(*args), g(1, **kw))
h = lambda x, y=1: x * y
print(h(3), h(3, 4), (lambda: 7)())
