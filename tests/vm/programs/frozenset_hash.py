fs = frozenset([1, 2])
d = {fs: "x"}
print(d[frozenset([2, 1])], fs | {3}, len(fs))
