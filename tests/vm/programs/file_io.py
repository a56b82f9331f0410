import sys
fn = "/tmp/_pyvm_test_file_%d.txt" % len(sys.version)  # distinct file per implementation (tests run both at once)
with open(fn, "w") as f:
    f.write("line1\n")
    f.write("line2\n")
with open(fn) as f:
    print(repr(f.read()))
with open(fn) as f:
    for line in f:
        print(line.rstrip())
with open(fn, "a") as f:
    f.write("line3\n")
print(open(fn).readlines())
with open(fn, "rb") as f:
    print(f.read())
