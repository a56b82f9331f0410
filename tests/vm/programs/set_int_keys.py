# Int keys in sets and dicts: plain ints are looked up by value, and must still meet the keys
# equal to them that are not plain ints (floats, bools, int subclasses, big ints).

# floats and bools equal to ints are the same key
s = {1.0, 2, True}
print(sorted(s), 1 in s, 1.0 in s, True in s, 2.0 in s, 3 in s)
s = {1, 2, 3}
s.add(1.0)
s.add(True)
print(sorted(s), len(s), [type(x).__name__ for x in sorted(s)])
s.discard(1.0)
print(sorted(s), 1 in s)
s = {0.0}
print(0 in s, False in s, -0.0 in s)

# -1 hashes as -2: both keys live side by side in one table
s = {-1, -2}
print(sorted(s), -1 in s, -2 in s, hash(-1), hash(-2))
s.discard(-2)
print(s, -1 in s, -2 in s)
d = {-1: 'a', -2: 'b'}
print(d[-1], d[-2], d.get(-1), d.get(-2), d.get(-3))

# negative keys and keys past the table's size collide in the low bits
s = set()
for i in range(-40, 40):
    s.add(i * 64)
print(len(s), all(i * 64 in s for i in range(-40, 40)), any(i * 64 + 1 in s for i in range(-40, 40)))

# big ints and machine ints near the edge of the machine range
big = 2 ** 70
s = {big, -big, 2 ** 62, -(2 ** 62), 2 ** 63 - 1, -(2 ** 63)}
print(big in s, -big in s, 2 ** 62 in s, 2 ** 63 - 1 in s, -(2 ** 63) in s, big + 1 in s)
print(2 ** 61 in {2 ** 61 + 0}, (2 ** 64) // 4 in {2 ** 62})


# int subclasses: their own __eq__ and __hash__ are used
class Odd(int):
    def __eq__(self, other):
        print('  Odd.__eq__', int(self), other)
        return int(self) % 2 == int(other) % 2

    def __hash__(self):
        return 7


s = {Odd(3)}
print(7 in s, 3 in s, 5 in s)
s.add(7)
print(len(s))


class Plain(int):
    pass


s = {Plain(5)}
print(5 in s, Plain(5) in s, 6 in s, type(next(iter(s))).__name__)
s.add(5)
print(len(s), type(next(iter(s))).__name__)


class Never(int):
    def __eq__(self, other):
        return False

    def __hash__(self):
        return int(self)


n = Never(4)
s = {n}
print(4 in s, n in s, len(s | {4}))

# discard/add churn: the table fills with deleted slots and is rebuilt
s = set()
for round in range(300):
    for k in range(round % 11):
        s.add(k)
        s.add(k + 100)
    for k in range(round % 7):
        s.discard(k)
    if round % 50 == 0:
        print(round, sorted(s))
print(sorted(s))
s = {1, 2, 3}
for i in range(1000):
    s.discard(i % 5)
    s.add(i % 5 + 10)
    s.discard(i % 5 + 10)
    s.add(i % 5)
print(sorted(s), len(s))

# iterating while the table is rebuilt in place by churn
s = {0, 1, 2}
try:
    for x in s:
        for i in range(50):
            s.add(100 + i)
            s.discard(100 + i)
except RuntimeError as e:
    print('RuntimeError', e)
print(sorted(s))

# dicts with int keys
d = {}
for i in range(-20, 20):
    d[i] = i * i
for i in range(-20, 20, 3):
    del d[i]
print(len(d), d.get(-19), d.get(-20), d.get(19), 5 in d, 4 in d, d[2.0], d.get(True), d.get(1.0), d.get(False))
d[1.0] = 'one'
print(d[1], list(d.items())[:3])
for round in range(200):
    d[round % 13 + 1000] = round
    del d[round % 13 + 1000]
print(len(d), sorted(d)[:5])
print({True: 1, 1: 2, 1.0: 3})
