# micro-loop: incrementing an instance attribute
class Counter:
    def __init__(self):
        self.n = 0

def run(n):
    c = Counter()
    for i in range(n):
        c.n += 1
    return c.n

print(run(2000000))
