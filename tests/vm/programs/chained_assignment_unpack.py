a = b = c = 0
a += 1
print(a, b, c)
x, (y, z), *w = 1, (2, 3), 4, 5
print(x, y, z, w)
first, *_, last = range(10)
print(first, last)
