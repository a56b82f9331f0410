for i in range(10):
    if i % 2 == 0:
        continue
    if i > 7:
        break
    print(i)
else:
    print("no break")
for i in range(3):
    pass
else:
    print("else ran")
n = 0
while n < 5:
    n += 1
else:
    print("while else", n)
x = 5 if n > 3 else 0
print(x)
