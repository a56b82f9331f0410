import array, struct, sys
r = array._array_reconstructor
for a in [('', 'b', 0, b''), (str, 'b', 0, b''), (array.array, 'b', '', b''), (array.array, 'b', 0, ''), (array.array, '?', 0, b''),
          (array.array, 'b', -1, b''), (array.array, 'b', 22, b''), (array.array, 'd', 16, b'a'), (array.array, 'b', 18, b'a\x00'),
          (array.array, 'd', 14, b'abc'), (array.array, 'bb', 0, b''), (array.array, 1, 0, b''), (array.array, 'b', 2**70, b''),
          (array.array, 'b', 0, bytearray(b'a'))]:
    try:
        print(r(*a))
    except Exception as e:
        print(type(e).__name__, e)
cases = [(['B', 'H', 'I', 'L'], 0, '=BBBB', [0x80, 0x7f, 0, 0xff]), (['b', 'h', 'i', 'l'], 1, '=bbb', [-0x80, 0x7f, 0]),
         (['H', 'I', 'L'], 2, '<HHHH', [0x8000, 0x7fff, 0, 0xffff]), (['H', 'I', 'L'], 3, '>HHHH', [0x8000, 0x7fff, 0, 0xffff]),
         (['h', 'i', 'l'], 4, '<hhh', [-0x8000, 0x7fff, 0]), (['h', 'i', 'l'], 5, '>hhh', [-0x8000, 0x7fff, 0]),
         (['I', 'L'], 6, '<IIII', [1 << 31, (1 << 31) - 1, 0, (1 << 32) - 1]), (['i', 'l'], 9, '>iii', [-1 << 31, (1 << 31) - 1, 0]),
         (['L', 'Q'], 11, '>QQQQ', [1 << 63, (1 << 63) - 1, 0, (1 << 64) - 1]), (['l', 'q'], 12, '<qqq', [-1 << 63, (1 << 63) - 1, 0]),
         (['f', 'd'], 15, '>ffff', [16711938.0, float('inf'), float('-inf'), -0.0]),
         (['f', 'd'], 17, '>dddd', [9006104071832581.0, float('inf'), float('-inf'), -0.0])]
for tcs, mf, fmt, values in cases:
    data = struct.pack(fmt, *values)
    for tc in tcs:
        b = r(array.array, tc, mf, data)
        print(tc, mf, b == array.array(tc, values), b.typecode)
s = 'Bonne Journ\xe9e \U0002030a\U00020347'
for mf, enc in [(18, 'UTF-16-LE'), (19, 'UTF-16-BE'), (20, 'UTF-32-LE'), (21, 'UTF-32-BE')]:
    print(r(array.array, 'u', mf, s.encode(enc)) == array.array('u', s))
a = array.array('u', b'\xff\xff\xff\xff')
for f in (a.tounicode, lambda: str(a), lambda: a[0], lambda: a.tolist(), lambda: list(a)):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
class Intable:
    def __init__(self, num): self._num = num
    def __index__(self): return self._num
for tc in 'qQlL':
    a = array.array(tc)
    bits = a.itemsize * 8
    lo, hi = (0, (1 << bits) - 1) if tc.isupper() else (-(1 << (bits - 1)), (1 << (bits - 1)) - 1)
    array.array(tc, [Intable(lo), Intable(hi)])
    for v in (lo - 1, hi + 1):
        try:
            array.array(tc, [Intable(v)])
        except OverflowError as e:
            print(tc, 'OverflowError', e)
