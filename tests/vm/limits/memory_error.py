# Heap exhaustion is a MemoryError the program can catch; once it lets go, it carries on.
# Run by tests/translate/vm.test.ts only: pyvm with RTS_HEAP_LIMIT_MB, CPython under prlimit --as.
def grow():
    xs = []
    while True:
        xs.append([0] * 1000)

for r in range(3):
    try:
        grow()
    except MemoryError as e:
        print("caught", r, type(e).__name__, repr(str(e)))
total = 0
for i in range(200):
    ys = [[i] * 100 for _ in range(100)]
    total += len(ys)
print("afterwards", total)
grow()
