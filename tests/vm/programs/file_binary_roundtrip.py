import sys
path = "/tmp/_pyvm_bin_%d.dat" % len(sys.version)  # distinct file per implementation (tests run both at once)
data = bytes(range(256))
with open(path, "wb") as f:
    f.write(data)
with open(path, "rb") as f:
    back = f.read()
print(back == data, len(back), back[:5], back[-1])
