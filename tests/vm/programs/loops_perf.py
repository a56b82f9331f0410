count = 0
for i in range(300):
    for j in range(300):
        if (i ^ j) & 1:
            count += 1
print(count)
d = {}
for i in range(20000):
    d[i % 1000] = d.get(i % 1000, 0) + i
print(len(d), d[999])
