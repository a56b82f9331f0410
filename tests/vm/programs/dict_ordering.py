d = {}
for w in "the quick brown fox jumps over the lazy dog the end".split():
    d[w] = d.get(w, 0) + 1
print(d)
print(sorted(d.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
d2 = dict(d)
del d2["the"]
d2["the"] = 1
print(list(d2)[-1], len(d2))
