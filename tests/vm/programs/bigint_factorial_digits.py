f = 1
for i in range(2, 101):
    f *= i
s = str(f)
print(len(s), sum(int(c) for c in s), s[:10], s[-30:])
