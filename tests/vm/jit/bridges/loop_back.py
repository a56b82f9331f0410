# A bridge that loops back: the else branch is taken every third iteration; its bridge hands
# its values (a new tuple, unboxed ints boxed again) straight to the loop, so the loop is
# entered once per call.
def g(n):
    acc = 0
    pair = (0, 0)
    for i in range(n):
        if i % 3:
            acc += i * 2
        else:
            pair = (pair[1], i)
            acc -= 1
    return acc, pair


print(g(3000))
print(g(3001))
print(g(3002))
