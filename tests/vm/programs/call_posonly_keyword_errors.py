# Call binding errors as CPython's ceval: positional-only parameters passed by keyword are
# named together; too many positional arguments is checked after the keywords (so a bad keyword
# is reported first) and counts keyword-only arguments given. (CPython's
# test_positional_only_arg.)
def f(a, b, /, c=3):
    return a, b, c
def g(a, b=2, /, *, k):
    return a, b, k
def h(a, /, **kw):
    return a, kw
def m(a, b, c, *, d, e):
    return a
def one(a):
    return a
def opt(a, b=1, /):
    return a
class C:
    def meth(self, a, /, b):
        return a, b
async def af(a, /):
    return a
def gen(a, /):
    yield a
calls = [
    lambda: f(a=1, b=2),
    lambda: f(1, b=2),
    lambda: f(b=2, a=1, c=3),
    lambda: f(1, 2, x=4),
    lambda: f(1, 2, c=3, a=1),
    lambda: g(1, b=2, k=3),
    lambda: g(1, k=3, a=1),
    lambda: h(1, a=2),
    lambda: h(a=2),
    lambda: m(1, 2, 3, 4, 5, 6, d=1, e=2),
    lambda: m(1, 2, 3, 4, d=1),
    lambda: m(1, 2, 3, 4, x=1),
    lambda: m(1, 2, 3, 4, a=1),
    lambda: one(1, 2),
    lambda: one(),
    lambda: opt(1, 2, 3),
    lambda: opt(1, b=2),
    lambda: opt(1, 2, 3, b=2),
    lambda: C().meth(a=1, b=2),
    lambda: af(a=1),
    lambda: gen(a=1),
    lambda: f(1, 2, 3, 4),
    lambda: f(1, 2, 3),
]
for c in calls:
    try:
        r = c()
        print('ok', type(r).__name__ if not isinstance(r, (tuple, int)) else r)
        if hasattr(r, 'close'):
            r.close()
    except TypeError as e:
        print('TypeError:', e)
