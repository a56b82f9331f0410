d = {"a": 1, "b": 2, "c": 3}
print(d.popitem(), d, d.copy() == d, list(d.items())[0])
d.clear(); print(d, len(d))
d = dict.fromkeys(range(3))
print(d, {1: 2} == {1: 2}, {1: 2} != {1: 3})
