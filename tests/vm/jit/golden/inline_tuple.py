# loop: f
def swap(a, b):
    return b, a

def f(n):
    x, y = 1, 2
    for i in range(n):
        x, y = swap(x, y)
    return x, y

print(f(5))
