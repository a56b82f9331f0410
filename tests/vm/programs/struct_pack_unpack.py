# struct: every format character and byte order, sizes and alignment, and the errors
import struct

for fmt in ['', 'b', 'BhH', '@bi', '=bi', '<bi', '>bi', '!bi', 'iq?', 'xx3s', '10p', 'c2xH', 'lLqQ', 'nNP', 'efd', '5h', ' i i ', '0s', '@?d']:
    print(repr(fmt), struct.calcsize(fmt))

vals = [
    ('<bBhHiIlLqQ', (-128, 255, -32768, 65535, -2**31, 2**32 - 1, -2**31, 2**32 - 1, -2**63, 2**64 - 1)),
    ('>bBhHiIlLqQ', (127, 0, 32767, 0, 2**31 - 1, 0, 2**31 - 1, 0, 2**63 - 1, 0)),
    ('@bhiqnNP', (1, -2, 3, -4, -5, 6, 7)),
    ('!?c3s5p', (True, b'x', b'abcdef', b'hi')),
    ('<efd', (1.5, -2.25, 3.141592653589793)),
    ('>efd', (65504.0, 3.4028234663852886e+38, -1e308)),
    ('<efd', (5.960464477539063e-08, 1.401298464324817e-45, 5e-324)),
    ('<ed', (float('inf'), float('-inf'))),
    ('<fd', (0.1, -0.0)),
    ('=x?x', (0,)),
]
for fmt, v in vals:
    b = struct.pack(fmt, *v)
    print(fmt, b.hex(), struct.unpack(fmt, b))

nan = float('nan')
print(struct.pack('<d', nan).hex(), struct.pack('>f', nan).hex(), struct.pack('<e', nan).hex(), struct.unpack('<d', struct.pack('<d', nan))[0] != 0)
print(struct.pack('<f', 1e-50).hex(), struct.pack('<e', 1e-9).hex(), struct.pack('<f', 16777217.0).hex())
s = struct.Struct('<Ih')
print(s.format, s.size, s.pack(7, -1).hex(), s.unpack(b'\x01\x00\x00\x00\xff\x7f'))
print(s.unpack_from(b'zz\x02\x00\x00\x00\x01\x00', 2), struct.unpack_from('<h', b'\x00\x01\x02', offset=1))
print(list(struct.iter_unpack('<h', b'\x01\x00\x02\x00\x03\x00')), list(s.iter_unpack(b'')))
print(struct.Struct(b'>H').format, struct.unpack('<H', b'\xff\xfe'))

errors = [
    lambda: struct.pack('b', 128), lambda: struct.pack('B', -1), lambda: struct.pack('h', 40000), lambda: struct.pack('H', -1),
    lambda: struct.pack('<h', 40000), lambda: struct.pack('<H', 70000), lambda: struct.pack('i', 2**31), lambda: struct.pack('<I', -1),
    lambda: struct.pack('q', 2**63), lambda: struct.pack('Q', -1), lambda: struct.pack('<q', 2**63), lambda: struct.pack('<Q', 2**64),
    lambda: struct.pack('i', 1.5), lambda: struct.pack('i', 'x'), lambda: struct.pack('f', 'x'), lambda: struct.pack('c', b'ab'),
    lambda: struct.pack('s', 'str'), lambda: struct.pack('ii', 1), lambda: struct.pack('<e', 1e6), lambda: struct.pack('<f', 1e39),
    lambda: struct.calcsize('z'), lambda: struct.calcsize('3'), lambda: struct.calcsize('<n'), lambda: struct.unpack('<i', b'abc'),
    lambda: struct.unpack_from('<i', b'abcd', 2), lambda: struct.iter_unpack('<i', b'abcde'), lambda: struct.unpack('<i', 'abcd'),
    lambda: struct.pack_into('<i', b'abcd', 0, 1),
]
for f in errors:
    try:
        f()
        print('no error')
    except (struct.error, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
print(issubclass(struct.error, Exception))
