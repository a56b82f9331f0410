print(min(3, 1, 2), max([4, 9, 2]), min("bca"), max({"a": 3, "b": 1}, key=lambda k: k), min([(2, 1), (1, 5)]), max([], default=None))
try:
    min([])
except ValueError as e:
    print(e)
