print(abs(-2.5), abs(3), abs(-10 ** 20), round(-1.5), round(0.1 + 0.2, 1), divmod(-7, 2), divmod(7.5, 2), round(5), round(5.55, 1))
