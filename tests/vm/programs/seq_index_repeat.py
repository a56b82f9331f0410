# list.index / tuple.index clamp huge bounds (CPython's _PyEval_SliceIndexNotNone);
# an exact tuple repeated once (or an empty one) is the same object, as CPython's tuplerepeat.
import sys

for T in (list, tuple):
    a = T([-2, -1, 0, 0, 1, 2])
    print(a.index(0, -4 * sys.maxsize, 4 * sys.maxsize))
    print(a.index(0, -(1 << 200), 1 << 200))
    print(a.index(0, 3, 1 << 100))
    try:
        a.index(0, 4 * sys.maxsize, -4 * sys.maxsize)
    except ValueError as e:
        print('ValueError', e)
    for bad in (None, 'a', 1.5):
        try:
            a.index(0, bad)
        except TypeError as e:
            print('TypeError', e)
    class I:
        def __index__(self):
            return 3
    print(a.index(0, I()), a.index(0, True))

s = (1, 2)
print(s * 1 is s, 1 * s is s, (s * 2) is s, s * 2)
e = ()
print(e * 5 is e, e * 0 == (), e * -1)
class Tup(tuple):
    pass
t = Tup((1, 2))
print(type(t * 1).__name__, t * 1 is t, t * 1)
l = [1, 2]
print(l * 1 is l, l * 1 == l)
n = 1
print(s * n is s)
