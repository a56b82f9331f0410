data = [{"n": "b", "v": 2}, {"n": "a", "v": 2}, {"n": "c", "v": 1}]
print([d["n"] for d in sorted(data, key=lambda d: (d["v"], d["n"]))])
print(sorted([3.5, 1, 2.25, -1]), sorted([True, 0, 2]))
