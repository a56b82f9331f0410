print(list(zip("abc", range(3), [True, False, None])), list(zip()), dict(zip("ab", "xy")))
for i, c in enumerate("xyz", start=10):
    print(i, c)
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print(e)
