# A short inner loop in a long outer loop: the inner loop's exit gets a bridge that goes once
# round the outer loop (through its header) and back into the inner loop, so the inner loop is
# entered a few times in all rather than once per outer iteration. Some rows are empty (the
# inner loop exits at once, inside the bridge).
def f(rows):
    total = 0
    longest = 0
    for row in rows:
        n = 0
        for x in row:
            total += x
            n += 1
        if n > longest:
            longest = n
    return total, longest


rows = [list(range(i % 7)) for i in range(3000)]
print(f(rows))
print(f(rows[:5]))
