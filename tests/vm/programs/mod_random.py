import random

random.seed(42)
print(random.random(), random.random())
print(random.randint(1, 100), random.randrange(0, 100, 7), random.choice("abcdefgh"))
l = list(range(20))
random.shuffle(l)
print(l)
print(random.sample(range(1000), 8), random.sample(["a", "b", "c", "d"], 2))
print(random.uniform(1, 2), random.gauss(0, 1), random.gauss(10, 3))
print(random.choices("xyz", weights=[1, 2, 3], k=6), random.choices(range(5), k=3))
print(random.getrandbits(1), random.getrandbits(31), random.getrandbits(32), random.getrandbits(100))
print(random.normalvariate(0, 1), random.expovariate(2.0), random.triangular(0, 10, 3))
print(random.betavariate(2, 3), random.gammavariate(2.5, 1.0), random.paretovariate(3))
print(random.vonmisesvariate(1.0, 2.0), random.lognormvariate(0, 0.5), random.weibullvariate(1, 2))
print(random.randbytes(10))

# seeds: big ints, negative ints (abs), str and bytes (through sha512)
for seed in [0, 1, -1, 2 ** 32, 2 ** 100 + 7, -(3 ** 70), "hello", b"bytes seed", bytearray(b"ba")]:
    random.seed(seed)
    print(repr(seed)[:30], random.random(), random.randrange(10 ** 20))
random.seed("hello", version=1)
print(random.random())

# state round trip, independent generators, subclassing
random.seed(7)
state = random.getstate()
a = [random.random() for _ in range(3)]
random.setstate(state)
print(a == [random.random() for _ in range(3)], len(state[1]), state[0])
r1 = random.Random(99)
r2 = random.Random(99)
print(r1.random() == r2.random(), r1.randint(0, 10 ** 30), r2.getstate() == r1.getstate())


class MyRandom(random.Random):
    def __init__(self, x):
        super().__init__(x)
        self.calls = 0

    def random(self):
        self.calls += 1
        return super().random()


m = MyRandom(5)
print(m.random(), m.calls, m.uniform(0, 1), m.calls)

for bad in [lambda: random.randrange(5, 5), lambda: random.getrandbits(-1), lambda: random.choice([]),
            lambda: random.sample(range(3), 4), lambda: random.setstate((3, (1, 2), None)),
            lambda: random.seed([1, 2])]:
    try:
        bad()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
