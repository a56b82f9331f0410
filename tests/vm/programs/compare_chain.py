x = 5
print(1 < x < 10, 1 < x > 10, x == 5 != 6, 1 <= 1 < 2 <= 2)
print([1,2] < [1,3], (1,2) == (1,2), 'abc' < 'abd', None is None, 1 != None)
