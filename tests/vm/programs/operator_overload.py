class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o): return V(self.x + o.x, self.y + o.y)
    def __sub__(self, o): return V(self.x - o.x, self.y - o.y)
    def __mul__(self, k): return V(self.x * k, self.y * k)
    def __rmul__(self, k): return self * k
    def __neg__(self): return V(-self.x, -self.y)
    def __abs__(self): return (self.x ** 2 + self.y ** 2) ** 0.5
    def __iadd__(self, o):
        self.x += o.x; self.y += o.y
        return self
    def __repr__(self): return f"V({self.x}, {self.y})"
v = V(3, 4)
w = v + V(1, 1)
w += V(1, 1)
print(v - w, v * 2, 2 * v, -v, abs(v), w)
