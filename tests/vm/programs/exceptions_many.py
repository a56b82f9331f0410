caught = 0
for i in range(5000):
    try:
        if i % 3 == 0:
            raise ValueError(i)
        x = 10 // (i % 5)
    except ValueError:
        caught += 1
    except ZeroDivisionError:
        caught += 100
print(caught)
