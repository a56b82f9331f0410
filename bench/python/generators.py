# generators: in-order walk of a balanced binary tree, each node delegating to its
# subtrees with `yield from`
class Node:
    __slots__ = ('lo', 'key', 'hi')

    def __init__(self, lo, key, hi):
        self.lo = lo
        self.key = key
        self.hi = hi

    def walk(self):
        if self.lo is not None:
            yield from self.lo.walk()
        yield self.key
        if self.hi is not None:
            yield from self.hi.walk()


def build(a, b):
    # keys a..b-1
    if a >= b:
        return None
    m = (a + b) // 2
    return Node(build(a, m), m, build(m + 1, b))


root = build(0, 40000)
count = 0
total = 0
for _ in range(5):
    for k in root.walk():
        count += 1
        total += k
print(count, total)
