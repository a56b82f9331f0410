# Dicts and sets under heavy insert/delete churn (LIFO, FIFO and random orders): contents,
# insertion order after re-insertion, membership and sizes must match CPython throughout.
state = 7


def rnd(n):
    global state
    state = (state * 1103515245 + 12345) & 0x7FFFFFFF
    return (state >> 4) % n


d = {}
order = []
for step in range(4000):
    k = rnd(60)
    op = rnd(3)
    if op < 2:
        d[k] = step
    elif k in d:
        del d[k]
    if step % 500 == 0:
        order.append(list(d.items())[:12])
print(len(d), sum(d), list(d)[:20])
print(order)

# LIFO: the newest key is removed first (what a backtracking search does)
s = set()
stack = []
total = 0
for step in range(3000):
    if stack and rnd(2) == 0:
        s.discard(stack.pop())
    else:
        v = rnd(1000) - 500
        if v not in s:
            s.add(v)
            stack.append(v)
    total += len(s)
print(total, len(s), sorted(s)[:10], sorted(s) == sorted(stack))

# FIFO: a queue of keys in a dict
q = {}
head = 0
for i in range(5000):
    q[i] = i * i
    if i % 3 != 0:
        del q[head]
        head += 1
print(len(q), list(q)[:5], list(q.values())[-3:])

# re-inserting a deleted key puts it last
e = {"a": 1, "b": 2, "c": 3}
del e["a"]
e["a"] = 4
del e["c"]
e["d"] = 5
e["c"] = 6
print(e, list(e.keys()), "b" in e, "x" in e)
ints = {i: str(i) for i in range(-3, 40)}
for i in range(-3, 40, 2):
    del ints[i]
ints[-1] = "minus one"
ints[True] = "true"
print(ints)
