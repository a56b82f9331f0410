names = ["a", "b", "c"]
ages = [1, 2, 3]
for i, (n, a) in enumerate(zip(names, ages)):
    print(i, n, a)
print(list(zip(*[(1, 2), (3, 4)])), dict(enumerate("xy")))
