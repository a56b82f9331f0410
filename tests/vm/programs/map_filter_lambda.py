nums = list(range(10))
print(list(map(lambda x: x ** 2, filter(lambda x: x % 3 == 0, nums))), list(map(pow, [2, 3], [3, 2])))
m = map(str, [1, 2])
print(next(m), list(m), list(m))
