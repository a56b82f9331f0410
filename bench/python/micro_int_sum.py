# micro-loop: summing ints in a while loop (unboxed ints once the optimizer lands)
# (iterations ×10 from the first version, so that start-up, ≈6 ms, is a small part of the JIT's time)
def run(n):
    total = 0
    i = 0
    while i < n:
        total += i
        i += 1
    return total

print(run(30000000))
