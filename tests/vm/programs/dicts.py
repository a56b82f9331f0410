d = {"a": 1, "b": 2}
d["c"] = 3
print(d, d["a"], d.get("z"), d.get("z", 0), len(d), "a" in d, list(d.keys()), list(d.values()), list(d.items()))
del d["b"]; print(d, d.pop("a"), d, d.setdefault("q", 9), d)
e = dict(x=1, y=2); e.update({"z": 3}); print(e, dict([(1, 2)]), {k: v*2 for k, v in e.items()})
for k in e: print(k, e[k])
print({1: 'a', True: 'b'}, dict.fromkeys("ab", 0), {**e, "w": 0}, e | {"x": 10})
