# A loop the JIT gives up on has its back edges rewritten so that the interpreter stops counting
# them down; co_code still shows them as the compiler emitted them, and a copy made by
# code.replace() has loops of its own, which the JIT may still trace.
def short(i, *rest):  # *rest: called, not inlined (its loop is entered on each call)
    total = 0
    for x in [i, i + 1, i + 2]:
        if x % 2:
            continue
        total += x
    return total


before = short.__code__.co_code
s = 0
for i in range(3000):
    s += short(i)
print(s)
print(short.__code__.co_code == before)

# the copy starts with counted back edges: its loop runs long enough to be compiled
copy = short.__code__.replace(co_name="copy")
short.__code__ = copy
print(short(7), short.__code__.co_code == before)


def count(n):
    k = 0
    while k < n:
        k += 1
    return k


print(count(5000))
