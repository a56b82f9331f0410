# function.__call__ exists and calls the function (positional, keyword, *args/**kwargs), bound
# or taken from the type; a non-function receiver is refused.
def f(a, b=2, *rest, k=0, **kw):
    return (a, b, rest, k, sorted(kw.items()))

print(f.__call__(1))
print(f.__call__(1, 3, 4, 5, k=6, z=7))
print(type(f).__call__(f, 'x', b='y'))
print(hasattr(f, '__call__'), callable(f.__call__))
g = f.__call__
print(g(*[10, 20], **{'k': 30}))
print((lambda: 'lam').__call__())


class C:
    def m(self, x):
        return ('m', x)

print(C().m.__call__(5), C.m.__call__(C(), 6))
try:
    type(f).__call__(42)
except TypeError as e:
    print('TypeError', e)
try:
    f.__call__()
except TypeError as e:
    print('TypeError', e)
