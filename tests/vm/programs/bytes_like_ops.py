# bytes-like objects (bytes, bytearray, memoryview, array) wherever CPython takes them
import array
import base64
import binascii
import io
import re
import struct

data = bytes(range(0, 256, 7))
views = [data, bytearray(data), memoryview(data), array.array('B', data), memoryview(bytearray(data))[0:]]
for v in views:
    print(type(v).__name__, binascii.hexlify(v)[:16], binascii.crc32(v), binascii.b2a_base64(v)[:12])
    print('  ', base64.b64encode(v)[:12], base64.b32encode(v)[:8], base64.b16encode(v)[:8], base64.a85encode(v)[:8])
    print('  ', base64.urlsafe_b64encode(v)[-6:], bytes(v) == data, b''.join([v, v]) == data * 2, data in [bytes(v)])

enc = base64.b64encode(data)
print(base64.b64decode(enc) == data, base64.b64decode(bytearray(enc)) == data, base64.b64decode(memoryview(enc)) == data)
print(base64.b32decode(base64.b32encode(data)) == data, base64.b16decode(base64.b16encode(data)) == data)
print(base64.a85decode(base64.a85encode(data)) == data, base64.b85decode(base64.b85encode(data)) == data)
print(binascii.unhexlify(binascii.hexlify(memoryview(data))) == data, binascii.a2b_hex(bytearray(b'4142')))
print(base64.encodebytes(data[:20]), base64.decodebytes(base64.encodebytes(data)) == data)

# struct with buffers
packed = struct.pack('<iHd', -7, 513, 2.5)
for v in (packed, bytearray(packed), memoryview(packed), array.array('b', packed)):
    print(type(v).__name__, struct.unpack('<iHd', v), struct.unpack_from('<H', v, 4))
buf = bytearray(16)
st = struct.Struct('<2h')
st.pack_into(buf, 2, 1, -1)
st.pack_into(memoryview(buf), 8, 300, 400)
arr = array.array('h', [0] * 4)
struct.pack_into('<h', arr, 2, 77)
print(buf, st.unpack_from(memoryview(buf), 8), arr)
print([t for t in struct.iter_unpack('<h', bytearray(b'\x01\x00\x02\x00'))])

# io with buffers
bio = io.BytesIO()
bio.write(b'abc')
bio.write(bytearray(b'def'))
bio.write(memoryview(b'ghi'))
bio.write(array.array('B', [106]))
print(bio.getvalue())
bio.seek(0)
target = bytearray(4)
print(bio.readinto(target), target)
mv = memoryview(bytearray(3))
print(bio.readinto(mv), mv.tobytes())
arr2 = array.array('b', [0, 0])
print(bio.readinto(arr2), arr2)

# re over bytes-like subjects
print(re.findall(rb'\d+', bytearray(b'a1b22c333')), re.match(rb'ab', memoryview(b'abc')).group())
print(re.sub(rb'[aeiou]', b'_', b'education'), re.split(rb',', bytearray(b'x,y')))

# comparisons and containment across kinds
print(b'abc' == bytearray(b'abc'), bytearray(b'abc') == memoryview(b'abc'), memoryview(b'abc') == array.array('B', b'abc'))
print(b'bc' in bytearray(b'abc'), memoryview(b'bc').tobytes() in b'abc', bytearray(b'b') in b'abc', memoryview(b'c') in b'abc')
print(int.from_bytes(memoryview(b'\x01\x02'), 'big'), int.from_bytes(bytearray(b'\x01\x02'), 'little'))
print(bytes(array.array('h', [1, 2])), bytearray(memoryview(b'xy')), b'%b' % memoryview(b'mv'), b'%s' % array.array('B', [65]))
