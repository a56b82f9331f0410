import random
random.seed(7)
a = [random.random() for _ in range(3)]
random.seed(7)
b = [random.random() for _ in range(3)]
print(a == b, a)
random.seed(99)
print([random.randint(-5, 5) for _ in range(15)])
print(random.choice(list(range(1000))), random.sample([1, 2, 3, 4, 5], 3))
