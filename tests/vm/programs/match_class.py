class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
class Circle:
    def __init__(self, r):
        self.r = r
def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "somewhere"
        case Circle(r=r) if r > 10:
            return "big circle"
        case Circle(r=r):
            return f"circle {r}"
        case (a, b) | [a, b, _]:
            return f"seq {a} {b}"
        case _:
            return "unknown"
for v in [Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 2), Circle(20), Circle(1), (7, 8), [1, 2, 3], "x"]:
    print(where(v))
command = "go north"
match command.split():
    case ["go", direction]:
        print("going", direction)
    case ["quit"]:
        print("bye")
match = 5
print(match * 2)
