# dict views: set operations and comparisons of keys and items views with any iterable or set,
# (key, value) in d.items() by lookup, and reversed() of the three views.
d = {1: 'a', 2: 'b', 3: 'c'}
for f in [lambda: list(reversed(d.keys())), lambda: list(reversed(d.items())), lambda: list(reversed(d.values())), lambda: list(reversed({}.items())),
          lambda: d.items() - {(1, 'a')}, lambda: d.items() ^ {(1, 'a'), (5, 'e')}, lambda: d.items() | [(9, 9)], lambda: d.items() & {(2, 'b')},
          lambda: {(1, 'a')} - d.items(), lambda: [1, 7] - d.keys(), lambda: [(1, 'a')] & d.items(), lambda: {1, 9} ^ d.keys(),
          lambda: d.keys() == {1, 2, 3}, lambda: {1, 2, 3} == d.keys(), lambda: d.items() == {(1, 'a'), (2, 'b'), (3, 'c')}, lambda: d.items() < {(1, 'a'), (2, 'b'), (3, 'c'), 4},
          lambda: d.keys() <= d.keys(), lambda: d.items() >= {(1, 'a')}, lambda: d.keys() == [1, 2, 3], lambda: d.keys() - 1, lambda: (1, 'a') in d.items(), lambda: (1, 'b') in d.items(), lambda: [1] in d.items(), lambda: (1, []) in d.items(),
          lambda: d.keys() < d.keys(), lambda: d.keys() - d.items(), lambda: d.items() | d.keys(), lambda: d.values() == d.values()]:
    try:
        r = f()
        print(sorted(r, key=repr) if isinstance(r, set) else r)
    except Exception as e:
        print(type(e).__name__, e)

class Eq:
    def __eq__(self, other):
        d.clear()
        return True

d = {1: Eq()}
print((1, 5) in d.items(), d)
