count = 0
def inc():
    global count
    count += 1
for _ in range(5):
    inc()
print(count)
def outer():
    x = 1
    def a():
        nonlocal x
        x += 10
    a(); a()
    return x
print(outer())
