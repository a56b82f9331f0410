n = int("9" * 50)
print(n, n + 1, len(str(n * n)), n // 10 ** 40, str(-n)[:5])
print(int("-" + "1" * 30) % 97)
