# micro-loop: incrementing an instance attribute
# (iterations ×10 from the first version, so that start-up, ≈6 ms, is a small part of the JIT's time)
class Counter:
    def __init__(self):
        self.n = 0

def run(n):
    c = Counter()
    for i in range(n):
        c.n += 1
    return c.n

print(run(20000000))
