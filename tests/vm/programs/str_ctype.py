# str's character-type predicates over Unicode 14.0.0: isalpha, isdecimal, isdigit, isnumeric,
# isalnum and isidentifier beyond ASCII.
import binascii

samples = [
    '', 'abc', 'abc1', '\u1ffc', '\u0660', '\u0669\u0660', '\u2460', '\u00b2', '\u00bd', '\u4e00',
    '\u2155', '\U00010401', '\U0001d7f6', '\U0001f600', '\U00011066', 'a b', '_', '_a1', '1a', 'ℕ',
    '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', 'a\u0300', '\u0300a', '\u2118', '\u00b7', 'a\u00b7', '\u0e50', '\u3007', '\u00aa',
    'ǅ', 'Ⅻ', 'a·b', 'x\u200c', '\u1885',
]
for t in samples:
    print(ascii(t), [t.isalpha(), t.isdecimal(), t.isdigit(), t.isnumeric(), t.isalnum(), t.isidentifier()])

# every code point but the surrogates: a CRC of the characters each predicate accepts, per plane
# (isidentifier of the character alone and after 'a', for XID_Start and XID_Continue)
tests = [str.isalpha, str.isdecimal, str.isdigit, str.isnumeric, str.isalnum, str.isidentifier,
         lambda c: ('a' + c).isidentifier()]
for plane in range(17):
    crcs = [0] * len(tests)
    for start in range(plane << 16, (plane + 1) << 16, 4096):
        chars = [chr(c) for c in range(start, start + 4096) if not 0xd800 <= c < 0xe000]
        for k, p in enumerate(tests):
            crcs[k] = binascii.crc32(''.join(filter(p, chars)).encode('utf-8'), crcs[k])
    print(plane, ' '.join('%08x' % c for c in crcs))
