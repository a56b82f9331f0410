l = [1, 2]
l.append(l)
d = {"a": 1}
d["self"] = d
print(l, d)
