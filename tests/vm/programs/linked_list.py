class Node:
    def __init__(self, v, nxt=None):
        self.v = v
        self.nxt = nxt
class LL:
    def __init__(self):
        self.head = None
        self.n = 0
    def push(self, v):
        self.head = Node(v, self.head)
        self.n += 1
    def __iter__(self):
        cur = self.head
        while cur:
            yield cur.v
            cur = cur.nxt
    def __len__(self):
        return self.n
l = LL()
for i in range(5):
    l.push(i)
print(list(l), len(l), sum(l))
