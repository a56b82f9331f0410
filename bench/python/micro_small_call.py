# micro-loop: calling a small function
# (iterations ×10 from the first version, so that start-up, ≈6 ms, is a small part of the JIT's time)
def add(a, b):
    return a + b

def run(n):
    t = 0
    for i in range(n):
        t = add(t, i)
    return t

print(run(20000000))
