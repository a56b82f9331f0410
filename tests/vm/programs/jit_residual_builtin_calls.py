# Builtin calls a JIT trace leaves as residual calls take the interpreter's fast paths
# (len, abs, min, max, int, float, str, range, list.append, dict.get, str.startswith, ...),
# and the generic path when no fast path answers (subclasses, wrong types: CPython's errors).
class MyList(list):
    def append(self, x):
        list.append(self, x * 10)


def calls(n):
    out = []
    mine = MyList()
    d = {"a": 1}
    total = 0
    for i in range(n):
        s = str(i)
        total += len(s) + abs(i - 50) + min(i, 7) + max(i, 3, 5) + int(s) + len(range(i % 4))
        total += int(float(i) * 1.5)
        out.append(s.startswith("1"))
        mine.append(i)
        total += d.get("a", 0) + d.get("b", 2)
        if i % 25 == 0:
            out.append(s.upper() + s.zfill(4))
    return total, out[-6:], sum(mine), len(out)


def failing(items):
    acc = 0
    for x in items:
        acc += len(x)
    return acc


print(calls(200))
try:
    print(failing(["ab", "c", [1, 2, 3]] * 40 + [5]))
except TypeError as e:
    print("TypeError:", e)
try:
    total = 0
    for v in ["1", "22", "333"] * 30 + ["x4"]:
        total += int(v)
except ValueError as e:
    print("ValueError:", e, total)
