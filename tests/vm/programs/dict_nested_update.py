d = {"a": {"x": 1}}
d["a"]["y"] = 2
d.update(b=3)
d.update([("c", 4)])
print(d, len(d), d.pop("zz", "default"))
