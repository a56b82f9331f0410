# micro-loop: accumulating floats
# (iterations ×10 from the first version, so that start-up, ≈6 ms, is a small part of the JIT's time)
def run(n):
    acc = 0.0
    x = 0.5
    for i in range(n):
        acc += x * 1.0001
        x += 0.25
    return acc

print(run(20000000))
