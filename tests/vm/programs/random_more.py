import random
random.seed(2024)
print([random.randint(1, 6) for _ in range(10)])
print(random.choice(["a", "b", "c"]), random.randrange(10), random.getrandbits(16))
xs = list(range(20))
random.shuffle(xs)
print(xs)
random.seed(0)
print(random.random())
