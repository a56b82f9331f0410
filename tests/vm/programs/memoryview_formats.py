# memoryview: formats, casts, slices that write through, comparisons and errors
import struct

def t(label, f):
    try:
        r = f()
        print(label, type(r).__name__, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

ba = bytearray(range(16))
m = memoryview(ba)
print(len(m), m.format, m.itemsize, m.nbytes, m.ndim, m.shape, m.strides, m.readonly, m.obj is ba)
print(m[0], m[-1], m[2:5].tolist(), m[::4].tolist(), m[::-5].tolist())
m[0] = 200
print(ba[0])
m[1:3] = b'\xaa\xbb'
print(ba[:4])
m[::5] = bytes([7, 7, 7, 7])
print(ba)
ba[3] = 99
print(m[3])
t('assign range', lambda: m.__setitem__(0, 256))
t('assign type', lambda: m.__setitem__(0, b'x'))
t('assign size', lambda: m.__setitem__(slice(0, 2), b'abc'))
t('index', lambda: m[16])
t('del', lambda: m.__delitem__(0))
ro = memoryview(b'abcdef')
print(ro.readonly, ro[1:3].tobytes(), bytes(ro[::2]), ro.hex(), ro.hex(':', 2))
t('ro assign', lambda: ro.__setitem__(0, 1))
t('ro hash', lambda: hash(ro) == hash(b'abcdef'))
t('rw hash', lambda: hash(m))
print(ro == b'abcdef', ro == bytearray(b'abcdef'), b'abcdef' == ro, ro != b'abc', ro[1:] == ro[1:])
t('order', lambda: ro < ro)
print(list(ro[:3]), [x for x in reversed(ro[:3])])

for fmt in ('B', 'b', 'c', 'h', 'H', 'i', 'I', 'l', 'L', 'q', 'Q', 'f', 'd', '?'):
    raw = bytearray(struct.pack('16B', *range(250, 266 - 16 + 250 - 250 + 16 - 16 + 16)) if False else bytes(range(1, 17)))
    c = memoryview(raw).cast(fmt)
    print(fmt, c.format, c.itemsize, len(c), c.shape, c.tolist()[:3])

ints = bytearray(struct.pack('<4i', 1, -2, 3, -4))
mi = memoryview(ints).cast('i')
print(mi.tolist(), mi[1], mi[-1], mi[1:3].tolist(), mi.nbytes, mi.strides)
mi[0] = -100
print(struct.unpack('<4i', ints))
t('i range', lambda: mi.__setitem__(0, 2**31))
t('i float', lambda: mi.__setitem__(0, 1.5))
md = memoryview(bytearray(16)).cast('d')
md[0] = 1.5; md[1] = 2
print(md.tolist())
t('d str', lambda: md.__setitem__(0, 'x'))
mc = memoryview(bytearray(b'xyz')).cast('c')
print(mc[0], mc.tolist())
mc[0] = b'Q'
print(mc.tobytes())
t('c bad', lambda: mc.__setitem__(0, b'ab'))
mb = memoryview(bytearray(2)).cast('?')
mb[0] = 5
print(mb.tolist())
t('cast non-byte', lambda: mi.cast('h'))
t('cast bad len', lambda: memoryview(b'abc').cast('i'))
t('cast bad fmt', lambda: memoryview(b'abcd').cast('x'))
back = mi.cast('B')
print(back.format, len(back), back[:4].tolist())
shaped = memoryview(bytes(range(6))).cast('B', (2, 3))
print(shaped.ndim, shaped.shape, shaped.strides, shaped.tolist(), len(shaped))
t('ndim index', lambda: shaped[0])
t('shape product', lambda: memoryview(bytes(6)).cast('B', [4, 2]))

with memoryview(bytearray(b'ctx')) as cm:
    print(cm.tobytes())
t('released len', lambda: len(cm))
t('released tobytes', lambda: cm.tobytes())
print(repr(cm).startswith('<released memory at 0x'), repr(m).startswith('<memory at 0x'))
r = memoryview(b'rel')
r.release()
r.release()
t('released item', lambda: r[0])

t('mv of str', lambda: memoryview('abc'))
t('mv no arg', lambda: memoryview())
mm = memoryview(memoryview(ba)[4:8])
print(mm.tolist(), mm.obj is ba)

buf = bytearray(8)
struct.pack_into('<hi', buf, 1, -2, 70000)
print(buf, struct.unpack_from('<hi', buf, 1))
struct.pack_into('<h', memoryview(buf)[4:], 0, 513)
print(buf)
print(struct.unpack('<2h', memoryview(buf)[0:4]), struct.unpack('<H', bytearray(b'\x01\x02')))
t('pack_into bytes', lambda: struct.pack_into('b', b'x', 0, 1))
t('pack_into short', lambda: struct.pack_into('<i', buf, 6, 1))
print(list(struct.iter_unpack('<h', memoryview(b'\x01\x00\x02\x00'))))
print(bytes(memoryview(b'abc')), bytearray(memoryview(b'abc')), b'-'.join([memoryview(b'x'), b'y']))
print(m.toreadonly().readonly, m.c_contiguous, m[::2].c_contiguous, m.contiguous, m.suboffsets)

import array
w = memoryview(array.array('u', 'ab'))
print(w.format, w.itemsize, len(w), w.nbytes, w.tobytes())
t('w tolist', lambda: w.tolist())
t('w item', lambda: w[0])
print(memoryview(b'ab').__len__(), memoryview(b'ab').__getitem__(1), memoryview(b'abc').__getitem__(slice(1, None)).tobytes())
