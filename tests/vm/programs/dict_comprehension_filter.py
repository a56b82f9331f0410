squares = {n: n * n for n in range(10) if n % 3 == 0}
print(squares, {v: k for k, v in squares.items()})
