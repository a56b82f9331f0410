# repr() of the buffered and text layers shows the raw stream's name only when it has one;
# reading .name from a layer over a raw stream without one is an AttributeError
import io


class Raw(io.RawIOBase):
    def readable(self):
        return True

    def readinto(self, b):
        return 0


raw = Raw()
b = io.BufferedReader(raw)
print(repr(b))
try:
    b.name
except AttributeError as e:
    print("AttributeError", e)
raw.name = "dummy"
print(repr(b), b.name)
raw.name = b"dummy"
print(repr(b))
t = io.TextIOWrapper(io.BufferedReader(io.BytesIO(b"hello")), encoding="utf-8")
print(repr(t))
t.buffer.raw.name = "n"
print(repr(t))
t.mode = "r"
print(repr(t))
