class Point:
    count = 0
    def __init__(self, x, y):
        self.x = x
        self.y = y
        Point.count += 1
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def __add__(self, o):
        return Point(self.x + o.x, self.y + o.y)
    def __eq__(self, o):
        return isinstance(o, Point) and self.x == o.x and self.y == o.y
    def __hash__(self):
        return hash((self.x, self.y))
p = Point(1, 2) + Point(3, 4)
print(p, Point.count, p == Point(4, 6), p != Point(0, 0), len({p, Point(4, 6)}))
print(str(p), repr(p), p.x, getattr(p, "y"), hasattr(p, "z"))
setattr(p, "z", 9); print(p.z)
