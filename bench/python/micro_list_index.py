# micro-loop: reading list items by index
def run(n):
    items = list(range(100))
    t = 0
    for i in range(n):
        t += items[i % 100]
    return t

print(run(2000000))
