fs = []
for i in range(3):
    fs.append(lambda: i)
print([f() for f in fs])
gs = [(lambda j: lambda: j)(i) for i in range(3)]
print([g() for g in gs])
