# A guard fails mid-iteration, after the iteration already appended to a list and stored an
# attribute: the interpreter must resume with those effects done once, not twice.
class Box:
    def __init__(self):
        self.n = 0

def run(items):
    out = []
    b = Box()
    for x in items:
        out.append(x)
        b.n = b.n + 1
        y = x + 1  # deopt-here: x turns from int to float
        out.append(y)
    return out, b.n

items = list(range(20)) + [2.5, 3.5]
print(run(items))
