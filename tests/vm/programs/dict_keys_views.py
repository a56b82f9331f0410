d = {"a": 1, "b": 2}
k = d.keys()
d["c"] = 3
print(list(k), len(k), "a" in k, sorted(d.values()), list(d.items())[-1])
print(k, d.values(), d.items())
