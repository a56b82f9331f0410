# A key's __eq__ that changes the dict or set being searched: the lookup must start over on the
# table as it now is (CPython's behaviour), never read entries that are gone.

class ClearsOnEq(str):
    def __eq__(self, other):
        d.clear()
        return NotImplemented

    def __hash__(self):
        return hash('test')


d = {ClearsOnEq(): 'value'}
print('test' in d, len(d))


class Collide:
    def __init__(self, n, victim):
        self.n = n
        self.victim = victim

    def __hash__(self):
        return 7

    def __eq__(self, other):
        target = self.victim[0]
        if target:
            self.victim[0] = None
            target.clear()
        return isinstance(other, Collide) and self.n == other.n


box = [None]
d = {}
for i in range(5):
    d[Collide(i, box)] = i
box[0] = d
print(d.get(Collide(3, [None]), 'missing'), len(d))

box = [None]
s = set(Collide(i, box) for i in range(6))
box[0] = s
print(Collide(4, [None]) in s, len(s))


class Deleter:
    """Deletes another key on the first comparison, so the probe sees a changed table."""
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return 1

    def __eq__(self, other):
        if victims:
            del d2[victims.pop()]
        return isinstance(other, Deleter) and self.n == other.n


victims = []
keys = [Deleter(i) for i in range(6)]
d2 = {k: k.n for k in keys}
victims = [keys[0]]
print(d2.get(Deleter(5)), sorted(k.n for k in d2))

d2 = {k: k.n for k in keys[1:]}
victims = [keys[3]]
d2[Deleter(9)] = 9
print(sorted(k.n for k in d2))


class Adder:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return 2

    def __eq__(self, other):
        if grow and len(d3) < 40:
            d3[len(d3) + 100] = 0
        return isinstance(other, Adder) and self.n == other.n


grow = False
d3 = {}
for i in range(3):
    d3[Adder(i)] = i
grow = True
print(d3.get(Adder(2)), len(d3))
