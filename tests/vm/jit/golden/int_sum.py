# loop: f
def f(n):
    t = 0
    for i in range(n):
        t += i * 2
    return t

print(f(10))
