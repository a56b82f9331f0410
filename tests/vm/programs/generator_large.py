def squares(n):
    for i in range(n):
        yield i * i
total = 0
for s in squares(100000):
    total += s
print(total)
