# micro-loop: accumulating floats
def run(n):
    acc = 0.0
    x = 0.5
    for i in range(n):
        acc += x * 1.0001
        x += 0.25
    return acc

print(run(2000000))
