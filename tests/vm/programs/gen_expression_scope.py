x = 10
g = (x * i for i in range(3))
print(list(g))
print(sum(i * i for i in range(10)))
