# int.from_bytes takes an object's __bytes__ (PyObject_Bytes); zero shifted left by any count
class ValidBytes:
    def __bytes__(self):
        return b'\x01\x02'


class InvalidBytes:
    def __bytes__(self):
        return 'abc'


class MissingBytes:
    pass


class RaisingBytes:
    def __bytes__(self):
        1 / 0


class SubBytes(bytes):
    def __bytes__(self):
        return b'\x07'


print(int.from_bytes(ValidBytes()), int.from_bytes(ValidBytes(), 'little'))
print(int.from_bytes(SubBytes(b'\x01'), 'big'), int.from_bytes([1, 0], 'big'), int.from_bytes(iter(b'\x02'), 'big'))
for x in [InvalidBytes(), MissingBytes(), RaisingBytes(), 'ab', 5]:
    try:
        print(int.from_bytes(x, 'big'))
    except Exception as e:
        print(type(e).__name__, e)

print(0 << 0, 0 << 10, 0 << (1 << 1000), 0 << 2**64)
for a, b in [(0, -1), (0, -(1 << 1000)), (1, 1 << 1000), (1, -1)]:
    try:
        print(a << b)
    except Exception as e:
        print(type(e).__name__, e)
