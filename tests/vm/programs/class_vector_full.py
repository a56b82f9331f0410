class Vec:
    __slots_like__ = ("x", "y")
    def __init__(self, x=0, y=0):
        self.x, self.y = x, y
    def __repr__(self): return f"Vec({self.x!r}, {self.y!r})"
    def __eq__(self, o): return (self.x, self.y) == (o.x, o.y)
    def __hash__(self): return hash((self.x, self.y))
    def __add__(self, o): return Vec(self.x + o.x, self.y + o.y)
    def __mul__(self, k): return Vec(self.x * k, self.y * k)
    def __truediv__(self, k): return Vec(self.x / k, self.y / k)
    def __floordiv__(self, k): return Vec(self.x // k, self.y // k)
    def __mod__(self, k): return Vec(self.x % k, self.y % k)
    def __pow__(self, k): return Vec(self.x ** k, self.y ** k)
    def __len__(self): return 2
    def __getitem__(self, i): return (self.x, self.y)[i]
    def __iter__(self): return iter((self.x, self.y))
    def __bool__(self): return bool(self.x or self.y)
    def __lt__(self, o): return abs(self) < abs(o)
    def __abs__(self): return (self.x ** 2 + self.y ** 2) ** 0.5
    def __neg__(self): return Vec(-self.x, -self.y)
    def __pos__(self): return self
    def __invert__(self): return Vec(self.y, self.x)
v = Vec(3, 4)
print(v + v, v * 2, v / 2, v // 2, v % 2, v ** 2, len(v), v[0], list(v), bool(Vec()), abs(v), -v, +v, ~v)
print(sorted([Vec(5, 5), Vec(1, 0), v]), {v: 1}[Vec(3, 4)], v == Vec(3, 4), v != Vec(0, 0))
x, y = v
print(x, y)
