i = 0
total = 0
while True:
    i += 1
    if i > 100:
        break
    if i % 3:
        continue
    total += i
print(total)
