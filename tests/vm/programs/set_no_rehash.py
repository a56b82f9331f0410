# Sets and dicts built from a set or a dict reuse the hashes stored with the keys (no __hash__
# call again): set(), frozenset(), set.__init__, update, union, difference, symmetric
# difference and dict.fromkeys, as CPython's fast paths; and frozenset hashes spread out.
import itertools


class HashCountingInt(int):
    def __init__(self, *args):
        self.hash_count = 0

    def __hash__(self):
        self.hash_count += 1
        return int.__hash__(self)


def count(d):
    return sum(e.hash_count for e in d)

d = dict.fromkeys(map(HashCountingInt, range(10)))
print(count(d))
for kind in (set, frozenset):
    s = kind(d)
    s.difference(d)
    s.union(d)
    s.symmetric_difference(d)
    if kind is set:
        s.symmetric_difference_update(d)
        s.update(d)
        s.__init__(d)
    print(kind.__name__, count(d))
dict.fromkeys(set(d))
dict.fromkeys(frozenset(d), 1)
print(count(d), dict.fromkeys(frozenset(d), 123) == dict.fromkeys(d, 123))

print(hash(frozenset('abc')) == hash(frozenset('cba')), hash(frozenset()) == hash(frozenset([])))
for n in range(12):
    t = 2 ** n
    u = len({hash(frozenset(c)) & (t - 1) for i in range(n + 1) for c in itertools.combinations(range(n), i)})
    print(n, 4 * u > t)
