a = []
b = a
print(id(a) == id(b), a is b, [] is [], id(a) != id([]))
