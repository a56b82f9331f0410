found = None
i = 0
while i < 10:
    j = 0
    while j < 10:
        if i * j == 42:
            found = (i, j)
            break
        j += 1
    if found:
        break
    i += 1
print(found)
