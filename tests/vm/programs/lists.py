a = [3, 1, 2]
a.append(5); a.extend([9, 0]); a.insert(1, 7)
print(a, a.pop(), a.pop(0), a.index(2), a.count(1))
a.sort(); print(a); a.reverse(); print(a)
print(sorted([3,1,2], reverse=True), sorted(["bb","a","ccc"], key=len), a[1:3], a[::2])
b = a.copy(); b[0] = 100; print(a[0] != b[0], [1,2]*3, [1]+[2], 3 in a, len(a))
del a[0]; print(a); a[1:3] = [8, 8, 8]; print(a); a.remove(8); print(a)
print([[0]*2 for _ in range(2)], list(range(5)), list("abc"), min(a), max(a), sum(a))
