import binascii as b
import array
raw = b"The quick brown fox jumps over the lazy dog.\r\n" + bytes(range(256)) + b"\r\nHello world.\n"
for i in range(0, len(raw), 45):
    line = b.b2a_uu(raw[i:i+45])
    assert b.a2b_uu(line) == raw[i:i+45]
    print(line, b.b2a_uu(raw[i:i+45], backtick=True))
print(b.a2b_uu(b''), b.a2b_uu(''), b.b2a_uu(b''), b.b2a_uu(b'', backtick=True))
print(b.a2b_uu(b'$`$-A=```\n') == b.a2b_uu(b'$ $-A=   \n'))
q = b.b2a_qp(raw)
print(q)
print(b.a2b_qp(q) == raw)
print(b.b2a_qp(raw, quotetabs=True, istext=False, header=True))
print(b.b2a_qp(b'x' * 200))
print(b.b2a_qp(b'a \r\nb\t\r\n' + b'y' * 80 + b'\r\n'))
print(b.b2a_qp(b'.\n'), b.b2a_qp(b'.\r'), b.b2a_qp(b'.\0'), b.b2a_qp(b'a.\n'), b.b2a_qp(b'_ a', header=True))
for s in [b'=', b'==', b'=\r\nx', b'=\rx\ny', b'=AB=ab=zz=4', b'a_b', 'a=20b']:
    print(b.a2b_qp(s), b.a2b_qp(s, header=True))
print(b.b2a_qp(data=b'a b', quotetabs=True), b.a2b_qp(data=b'a_b', header=True))
print(b.b2a_qp(array.array('B', b'caf\xe9')), b.a2b_uu(memoryview(b'!80``\n')))
for f, a in [(b.a2b_uu, ()), (b.b2a_uu, ()), (b.a2b_qp, ()), (b.b2a_qp, ()), (b.crc_hqx, (b'',)),
             (b.b2a_uu, (b'x' * 46,)), (b.a2b_uu, (b' abc!',)), (b.a2b_uu, (b'!\x01',)), (b.b2a_uu, (b'', True)),
             (b.a2b_qp, ('\x80',)), (b.b2a_qp, ('x',)), (b.b2a_uu, ('x',)), (b.crc_hqx, (b'', 1.0))]:
    try:
        print(f(*a))
    except Exception as e:
        print(type(e).__name__, e)
print(b.crc_hqx(b'abc', 0x12345), b.crc_hqx(b'', -1))
