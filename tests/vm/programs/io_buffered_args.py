# the buffered classes take at most raw and buffer_size, and name themselves in the error
import io


class MyReader(io.BufferedReader):
    pass


for a in [(io.BytesIO(), 1, 1, 1), (io.BytesIO(), 1, 1)]:
    for t in (io.BufferedReader, io.BufferedWriter, io.BufferedRandom, MyReader):
        try:
            t(*a)
        except TypeError as e:
            print(e)
try:
    io.BufferedReader(io.BytesIO(), buffer_size=1, x=2)
except TypeError as e:
    print(e)
try:
    io.BufferedWriter()
except TypeError as e:
    print(e)
try:
    io.BufferedReader(io.BytesIO(), 0)
except ValueError as e:
    print(e)
print(io.BufferedReader(io.BytesIO(b"ab"), buffer_size=1).read())

# a failed __init__ leaves the object uninitialized: every operation is then a ValueError
b = io.BufferedReader(io.BytesIO(b"abc"))
for size in (0, -16, -1):
    try:
        b.__init__(io.BytesIO(b"abc"), buffer_size=size)
    except ValueError as e:
        print("init:", e)
    try:
        b.read()
    except ValueError as e:
        print("read: ValueError")
b.__init__(io.BytesIO(b"xyz"))
print(b.read())
t = io.TextIOWrapper(io.BytesIO(b"t"), encoding="ascii")
try:
    t.__init__(io.BytesIO(b"u"), encoding="no-such-codec")
except LookupError as e:
    print("LookupError", e)
try:
    t.read()
except ValueError as e:
    print("read: ValueError")
