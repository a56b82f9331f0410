# micro-loop: calling a small function
def add(a, b):
    return a + b

def run(n):
    t = 0
    for i in range(n):
        t = add(t, i)
    return t

print(run(2000000))
