x = 5
del x
try:
    print(x)
except NameError as e:
    print(e)
l = [1, 2, 3, 4]
del l[1:3]
print(l)
class A: pass
a = A(); a.v = 1; del a.v
print(hasattr(a, "v"))
