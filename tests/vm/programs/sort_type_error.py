try:
    sorted([1, "a", 2])
except TypeError as e:
    print(e)
l = [3, 1, 2]
l.sort(key=lambda v: -v)
print(l)
