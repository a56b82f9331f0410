result = []
for i in range(5):
    try:
        if i == 2:
            raise KeyError(i)
        result.append(i)
    except KeyError as e:
        result.append(-1)
    finally:
        result.append(100)
print(result)
