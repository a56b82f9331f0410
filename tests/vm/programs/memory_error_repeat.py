# Repetitions too large to allocate raise MemoryError; counts beyond the machine range OverflowError.
for make in (lambda: [1, 2] * 10**12, lambda: "ab" * 10**13, lambda: (0,) * 10**12):
    try:
        make()
        print("allocated?")
    except MemoryError:
        print("MemoryError")
try:
    [0] * 10**30
except OverflowError as e:
    print("OverflowError:", e)
print(len([0] * 1000), len("xy" * 1000))
x = [0] * 10**12
