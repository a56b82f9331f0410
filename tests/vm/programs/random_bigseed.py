import random
random.seed(2 ** 80 + 12345)
print(random.random(), random.getrandbits(64), random.randrange(10 ** 15))
random.seed(-3)
print(random.random())
