data = [1, 5, 9, 2]
if (n := len(data)) > 3:
    print("long", n)
print([y for x in data if (y := x * 2) > 5])
print(*[1, 2, 3], sep="-")
print("a", "b", end="!\n")
a = b = 5
a += 1
print(a, b)
