print([x for x in range(30) if x % 2 if x % 3], [i * j for i in range(1, 4) for j in range(1, 4) if i != j])
