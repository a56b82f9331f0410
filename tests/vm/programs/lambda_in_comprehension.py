fs = [lambda x, n=n: x + n for n in range(3)]
print([f(10) for f in fs])
