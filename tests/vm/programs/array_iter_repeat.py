import array, pickle, copy
a = array.array('i', [1, 2, 3])
it = iter(a)
print(type(it).__name__, next(it), it.__reduce__()[1:], list(it))
print(it.__reduce__()[1])
ex = iter(a); em = iter(a)
for x in ex: next(em)
a.append(4)
print(list(ex), list(em))
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    it = iter(a); next(it)
    it2, a2 = pickle.loads(pickle.dumps((it, a), proto))
    a2.append(9)
    print(type(it2) is type(it), list(it2))
    r = reversed(a); next(r)
    r2, a3 = pickle.loads(pickle.dumps((r, a), proto))
    print(list(r2))
it = iter(a); it.__setstate__(2); print(list(it))
it = iter(a); it.__setstate__(-5); print(list(it))
it = iter(a); it.__setstate__(100); print(list(it))
print(list(copy.copy(iter(a))))
print(list(reversed(a)))
class Ex(array.array):
    def __getitem__(self, i): return array.array.__getitem__(self, i) + 100
e = Ex('b', [1, 2])
print(list(e), e[0])
for args in [(42, 42), (None,)]:
    try: a.pop(*args)
    except Exception as e: print(type(e).__name__, e)
class X:
    def __rmul__(self, o): return 'rmul'
class I:
    def __index__(self): return 2
for call in (lambda: a.__mul__('bad'), lambda: a * 'bad', lambda: a * X(), lambda: a.__mul__(I()), lambda: a.__rmul__('bad'),
             lambda: a.__imul__('bad'), lambda: a * 2, lambda: 2 * a, lambda: Ex('b', [1]) * 2, lambda: 2 * Ex('b', [1])):
    try: print(call())
    except Exception as e: print(type(e).__name__, e)
b = array.array('b', [5])
try:
    b *= 'bad'
except Exception as e: print(type(e).__name__, e)
b *= 3
print(b)
