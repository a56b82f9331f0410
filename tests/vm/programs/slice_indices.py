# slice.indices(length): clamping, negative steps, ints of any size, __index__, and errors.
import itertools


class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


print(slice(None).indices(10), slice(None, None, -1).indices(10))
print(slice(None, -11, -1).indices(10), slice(None, 10, -1).indices(10))
print(slice(-100, 100, 2).indices(10), slice(100, -100, -1).indices(10))
print(slice(True, None).indices(5), type(slice(True, None).indices(5)[0]).__name__)
print(slice(Idx(1), Idx(9), Idx(3)).indices(Idx(7)))
vals = [None, -2**100, -2**30, -53, -7, -1, 0, 1, 7, 53, 2**30, 2**100]
lengths = [0, 1, 7, 53, 2**30, 2**100]
total = 0
for args in itertools.product(vals, repeat=3):
    s = slice(*args)
    for length in lengths:
        try:
            r = s.indices(length)
        except ValueError as e:
            total += 1
            continue
        total += (r[0] * 3 + r[1] * 5 + r[2] * 7) % 1000003
        if length < 100:
            assert list(range(length))[s] == list(range(*r)), (s, length)
print(total)
print(slice(-2**100, 2**100, 2**70).indices(2**80))
for bad in [lambda: slice(None).indices(-1), lambda: slice(0, 10, 0).indices(5),
            lambda: slice(0.0, 10).indices(5), lambda: slice(0, 10, 1.0).indices(5),
            lambda: slice(0, 10).indices(5.0), lambda: slice(0, 10).indices(),
            lambda: slice(0, 10).indices(1, 2), lambda: slice(0, 0.5, 0).indices(-1)]:
    try:
        print(bad())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(slice(5).__hash__ is None)
for f in [lambda: hash(slice(5)), lambda: slice(5).__hash__(), lambda: {slice(1): 1}]:
    try:
        f()
    except TypeError as e:
        print('TypeError', e)
