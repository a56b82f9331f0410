# the value types define __hash__ themselves, so a Python base later in the MRO does not replace it
class H:
    def __hash__(self):
        return 42
class F(float, H): pass
class I(int, H): pass
class S(str, H): pass
class T(tuple, H): pass
print(hash(F(1.5)) == hash(1.5), hash(I(7)), hash(S('ab')) == hash('ab'), hash(T((1, 2))) == hash((1, 2)))
v = F('nan')
print(hash(v) == object.__hash__(v))
n = float('nan')
print(hash(n) == object.__hash__(n))
for t, x in ((float, 2.5), (int, 3), (str, 'x'), (bytes, b'y'), (tuple, (1,)), (complex, 1j), (frozenset, frozenset([1])), (range, range(3))):
    print(t.__name__, '__hash__' in t.__dict__, t.__hash__(x) == hash(x))
print(float.__hash__(2.0), int.__hash__(-1), (-1.0) % 1.0, 1.0 % -1.0)
