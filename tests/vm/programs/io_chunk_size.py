# TextIOWrapper._CHUNK_SIZE: how many bytes the text layer asks its buffer for at a time
import io


class Counting(io.BufferedIOBase):
    def __init__(self, data):
        self.data = data
        self.sizes = []

    def readable(self):
        return True

    def read1(self, n=-1):
        self.sizes.append(n)
        chunk, self.data = self.data[:n], self.data[n:]
        return chunk

    read = read1


t = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
print(t._CHUNK_SIZE)
for v in [0, -1, "x", 2.0]:
    try:
        t._CHUNK_SIZE = v
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    del t._CHUNK_SIZE
except AttributeError:
    print("AttributeError on del")
t._CHUNK_SIZE = 3
print(t._CHUNK_SIZE)

raw = Counting(b"abcdefghij\nklm\n")
t2 = io.TextIOWrapper(raw, encoding="ascii")
t2._CHUNK_SIZE = 4
print(repr(t2.readline()), raw.sizes[:3], max(raw.sizes))
t3 = io.TextIOWrapper(io.BytesIO(b"x"), encoding="ascii")
t3.detach()
try:
    t3._CHUNK_SIZE
except ValueError as e:
    print("ValueError", e)
