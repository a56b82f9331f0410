# binascii: hex, base64 and CRCs, compared with CPython
import binascii

data = bytes(range(0, 256, 7)) + b'hello world'
print(binascii.hexlify(b'\x00\xffab'), binascii.b2a_hex(b'xyz'), binascii.hexlify(b''))
print(binascii.hexlify(b'\x01\x02\x03\x04\x05', '-'), binascii.hexlify(b'\x01\x02\x03\x04\x05', b':', 2),
      binascii.hexlify(b'\x01\x02\x03\x04\x05', ' ', -2))
print(binascii.unhexlify(b'00ff6162'), binascii.a2b_hex('DEADbeef'), binascii.unhexlify(binascii.hexlify(data)) == data)
for s in (b'', b'f', b'fo', b'foo', b'foob', b'fooba', b'foobar', data):
    e = binascii.b2a_base64(s)
    print(e, binascii.a2b_base64(e) == s, binascii.b2a_base64(s, newline=False) == e[:-1])
print(binascii.a2b_base64(b'Zm9v\nYmFy'), binascii.a2b_base64('Zm9vYg=='), binascii.a2b_base64(b'Zm9vYg==trailing'), binascii.a2b_base64(b'Z m 9 v'))
for bad in (lambda: binascii.unhexlify(b'abc'), lambda: binascii.unhexlify(b'zz'), lambda: binascii.a2b_base64(b'Zm9vY'),
            lambda: binascii.a2b_base64(b'Zm9vYg'), lambda: binascii.a2b_base64(b'Zm9v!', strict_mode=True),
            lambda: binascii.a2b_hex('é0'), lambda: binascii.hexlify('str'), lambda: binascii.hexlify(b'ab', 'xy')):
    try:
        bad()
    except (binascii.Error, ValueError, TypeError) as e:
        print(type(e).__name__, isinstance(e, ValueError), e)
print(binascii.crc32(b''), binascii.crc32(b'hello world'), binascii.crc32(b'world', binascii.crc32(b'hello ')), binascii.crc32(data))
print(binascii.crc_hqx(b'', 0), binascii.crc_hqx(b'hello world', 0), binascii.crc_hqx(b'123456789', 0xffff))
print(binascii.Error.__name__, issubclass(binascii.Error, ValueError), issubclass(binascii.Incomplete, Exception))
