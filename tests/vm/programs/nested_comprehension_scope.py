x = 100
res = [x for x in range(3)]
print(res, x)
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
