# bytes and bytearray details CPython's test_bytes checks: negative '*' widths left-justify in
# %-formatting, a str subclass's __bytes__ beats the missing-encoding error, an exact bytes times
# 1 is itself, bytearray's own index error messages, and non-ASCII source in a bytes literal.
print(b'%*b|' % (-5, b'abc'), b'%*b|' % (5, b'abc'), b'%*.*b|' % (-5, 2, b'abc'))
print('%*s|' % (-5, 'abc'), '%*d|' % (-4, 7), '%-*d|' % (-4, 7))


class S(str):
    def __bytes__(self):
        return b'abc'


print(bytes(S('\u20ac')), bytes(S('\u20ac'), 'iso8859-15'))
try:
    bytes('x')
except TypeError as e:
    print('TypeError:', e)

a = b'123abc1@'
print(a * 1 is a, 1 * a is a, a * 2 is a, a * 0 is a)


class SubBytes(bytes):
    pass


s = SubBytes(b'qwerty')
print(s * 1 is s, type(s * 1).__name__)
ba = bytearray(b'py')
print(ba * 1 is ba)

b = bytearray(b'python')
bb = b'ab'
k = 'a'
for f in (lambda: b[k], lambda: b.__setitem__(k, 1), lambda: b.__delitem__(k), lambda: bb[k],
          lambda: b.__setitem__(1.5, 1), lambda: b[10], lambda: bb[10]):
    try:
        f()
    except (TypeError, IndexError) as e:
        print(type(e).__name__ + ':', e)


class I:
    def __index__(self):
        return 1


b[I()] = 65
del b[I()]
print(b, b[I()])
for c in (0x80, 0xe9, 0x20ac):
    try:
        eval('b"%s"' % chr(c))
    except SyntaxError as e:
        print('SyntaxError:', e.msg)
print(eval('b"\\xaa\\x00"'), eval('br"\\xaa"'))


class OtherBytes(bytes):
    pass


class Conv:
    def __bytes__(self):
        return OtherBytes(b'abc')


class BytesSub(bytes):
    pass


print(bytes(Conv()), type(bytes(Conv())).__name__, type(BytesSub(Conv())).__name__, BytesSub(Conv()))


class Bad:
    def __bytes__(self):
        return bytearray(b'x')


try:
    bytes(Bad())
except TypeError as e:
    print('TypeError:', e)
