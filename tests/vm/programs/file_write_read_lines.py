import sys
path = "/tmp/_pyvm_lines_%d.txt" % len(sys.version)  # distinct file per implementation (tests run both at once)
with open(path, "w") as f:
    for i in range(5):
        print(i, i * i, file=f)
with open(path) as f:
    lines = f.readlines()
print(len(lines), lines[2].split())
with open(path) as f:
    print(f.readline().strip(), f.read().count("\n"))
