print(sum([]), sum([1.5, 2.5]), sum([[1], [2]], []), sum(range(101)), sum((x for x in range(5)), 100))
