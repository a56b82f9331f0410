l = list(range(10))
l[2:5] = ["a"]
print(l)
l[:0] = [-1, -2]
print(l)
del l[::3]
print(l)
l[len(l):] = [99]
print(l)
