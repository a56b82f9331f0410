# The reader is gone before this line is written; the write waits in the buffer until the
# flush at exit, which fails: CPython reports it and exits with 120.
input()
print("x" * 100)
