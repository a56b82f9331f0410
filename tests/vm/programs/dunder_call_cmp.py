class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x):
        return x + self.n
    def __lt__(self, o):
        return self.n < o.n
    def __repr__(self):
        return "Adder(%d)" % self.n
a = Adder(5)
print(a(10), callable(a), sorted([Adder(3), Adder(1), Adder(2)]), max([Adder(3), Adder(7)]))
print(Adder(1) < Adder(2), Adder(3) > Adder(2))
