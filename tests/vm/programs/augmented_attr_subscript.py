class C:
    def __init__(self):
        self.v = 1
        self.l = [1, 2]
c = C()
c.v += 5
c.l[0] += 10
c.l += [3]
d = {"k": 1}
d["k"] *= 7
print(c.v, c.l, d)
