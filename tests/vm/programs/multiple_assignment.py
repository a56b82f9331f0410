a, b = 1, 2
a, b = b, a
print(a, b)
x = y = z = []
x.append(1)
print(y, z)
[p, q] = "pq"
print(p, q)
for i, (k, v) in enumerate({"a": 1}.items()):
    print(i, k, v)
