def det(m):
    if len(m) == 1:
        return m[0][0]
    return sum((-1) ** j * m[0][j] * det([row[:j] + row[j + 1:] for row in m[1:]]) for j in range(len(m)))
m = [[2, 0, 1], [1, 3, 2], [1, 1, 1]]
print(det(m), [list(r) for r in zip(*m)])
