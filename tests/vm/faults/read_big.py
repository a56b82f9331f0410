# Reads the file named by argv[1] whole, in binary and as text: with the heap limited below what
# that takes, each read is a MemoryError the program catches (the process goes on); otherwise
# both succeed.
import sys

for mode in ("rb", "r"):
    try:
        with open(sys.argv[1], mode) as f:
            data = f.read()
        print(mode, "read", len(data), data[:3] == ("aaa" if mode == "r" else b"aaa"))
        del data
    except MemoryError:
        print(mode, "MemoryError")
print("after")
