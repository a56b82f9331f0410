print([x * 2 for x in range(5) if x % 2], {x: x * x for x in range(3)}, sorted({c for c in "hello"}))
print([(i, j) for i in range(3) for j in range(i)], [[j for j in range(i)] for i in range(3)])
print(list(x for x in "ab"), [y for x in [[1, 2], [3]] for y in x])
