# micro-loop: reading list items by index
# (iterations ×10 from the first version, so that start-up, ≈6 ms, is a small part of the JIT's time)
def run(n):
    items = list(range(100))
    t = 0
    for i in range(n):
        t += items[i % 100]
    return t

print(run(20000000))
