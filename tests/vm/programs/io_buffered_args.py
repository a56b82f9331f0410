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
