s = {3, 1, 2}
s.add(4); s.discard(10)
print(sorted(s), 2 in s, len(s), sorted(s | {9}), sorted(s & {1, 2, 7}), sorted(s - {1}), sorted(s ^ {1, 8}))
print(set(), frozenset([1]), {1, 2} <= {1, 2, 3}, {1, 2} == {2, 1}, sorted({x % 3 for x in range(10)}))
