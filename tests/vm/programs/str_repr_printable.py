# repr() escapes what CPython's Py_UNICODE_ISPRINTABLE refuses (unassigned, format, separator,
# private-use and surrogate code points), and str.isprintable() agrees with it.
samples = ['\u1fff', '\u0378', '\xa0', '\xad', '\u00e9', '\u2028', '\u200b', '\ue000', '\ud800',
           '\U0001f40d', '\U000e0001', '\U0010ffff', '\U0001d7f6', '\x7f', '\x85', ' ', '~',
           '\u3000', '\ufeff', 'abc\u0378def']
for s in samples:
    print(ascii(s), repr(s), s.isprintable())
print(repr(''.join(chr(c) for c in range(0x370, 0x380))))
n = 0
for c in range(0, 0x3000):
    if chr(c).isprintable():
        n += c
print(n)
print(ascii('\u1fff'), repr(['\u0378', '\U0001f40d']))
