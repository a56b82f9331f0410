# import io and abc (the native _abc module): ABC registration and isinstance against the io
# ABCs, abstract methods, and bytearray/memoryview as io uses them.
import abc
import io

class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self): ...
    def describe(self):
        return type(self).__name__ + ' ' + str(self.area())

class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s * self.s

class Duck:
    def area(self):
        return 0

print(sorted(Shape.__abstractmethods__), Square.__abstractmethods__, Square(3).describe())
print(issubclass(Duck, Shape), Shape.register(Duck) is Duck, issubclass(Duck, Shape), isinstance(Duck(), Shape))
print(isinstance(1, Shape), issubclass(bool, Shape))
try:
    Shape.register(1)
except TypeError as e:
    print('TypeError', e)

with open(__file__, 'rb') as f:
    print(isinstance(f, io.BufferedIOBase), isinstance(f, io.RawIOBase), isinstance(f.raw, io.RawIOBase), isinstance(f, io.IOBase))
with open(__file__) as f:
    print(isinstance(f, io.TextIOBase), isinstance(f, io.TextIOWrapper), f.readline().startswith('# import io'))
print(isinstance(io.StringIO(), io.TextIOBase), isinstance(io.BytesIO(), io.BufferedIOBase), io.DEFAULT_BUFFER_SIZE)
print(io.UnsupportedOperation.__module__, issubclass(io.UnsupportedOperation, OSError), io.open is open)

class Upper(io.TextIOBase):
    def __init__(self):
        self.parts = []
    def writable(self):
        return True
    def write(self, s):
        self.parts.append(s.upper())
        return len(s)

u = Upper()
print('abc', 1, file=u)
u.writelines(['x', 'y'])
print(u.parts, isinstance(u, io.IOBase), u.closed, u.readable())
u.close()
print(u.closed)
try:
    u.write('late')
    u.flush()
except ValueError as e:
    print('ValueError', e)

b = bytearray(b'hello')
b[0] = ord('j')
b.extend(b' world')
b += b'!'
del b[5]
print(b, len(b), b.pop(), b.hex(), b.decode())
m = memoryview(b)
b[0] = ord('J')
print(m.tobytes()[:3], bytes(m[:2]))
buf = bytearray(4)
print(io.BytesIO(b'abcdef').readinto(buf), buf)
