import struct, sys
for f in [lambda: struct.pack_into('b', bytearray(1), 5, 1), lambda: struct.unpack_from('b', bytearray(1), 5),
          lambda: struct.pack_into('<I', bytearray(10), -2, 123), lambda: struct.pack_into('<B', bytearray(10), -11, 123),
          lambda: struct.unpack_from('<I', bytearray(10), -2), lambda: struct.unpack_from('<B', bytearray(10), -11),
          lambda: struct.pack_into('<I', bytearray(10), sys.maxsize, 1), lambda: struct.unpack_from('<I', bytearray(10), sys.maxsize),
          lambda: struct.unpack_from('<I', bytearray(10), sys.maxsize + 1), lambda: struct.unpack_from('<I', bytearray(10), -sys.maxsize - 1),
          lambda: struct.unpack_from('<I', b'abcd'), lambda: struct.unpack_from('<I', b'abc'), lambda: struct.unpack_from('<H', b'abcd', -2),
          lambda: struct.Struct('<H').unpack_from(b'abcd', offset=1), lambda: struct.unpack_from('<I', b'abcd', 'x'),
          lambda: struct.calcsize('2\0i'), lambda: struct.calcsize(b'\0'), lambda: struct.Struct('\0')]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
b = bytearray(6)
struct.pack_into('<H', b, -2, 0x4142)
struct.Struct('<H').pack_into(b, 1, 0x4344)
print(b)
