# micro-loop: summing ints in a while loop (unboxed ints once the optimizer lands)
def run(n):
    total = 0
    i = 0
    while i < n:
        total += i
        i += 1
    return total

print(run(3000000))
