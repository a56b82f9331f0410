# str's case methods with Unicode's full case mappings (SpecialCasing.txt, CaseFolding.txt),
# the final-sigma rule, titlecase letters and the Cased/Case_Ignorable properties.
import binascii

samples = [
    'ß', 'ﬁ', 'ﬃ', 'İ', 'ŉ', 'ǰ', 'ᾳ', 'ᾼ', 'ΐ', 'ﬅ', 'ẞ', 'ǅ', 'ǆa', 'Ǆungla', 'ǅUNGLA',
    'hello World', 'HELLO', 'Σ', 'ΑΣ', 'ΑΣ Β', 'ΑΣ\u0345', 'ΑΣ\u0345Β', 'aΣ.b', 'a.Σ', ".Σa", 'ΑΣ\'Σ',
    'ΣΑΣ ΣΑΣ', '\U00010400\U00010428', 'ǈeto', 'ﬁne straße', 'ΌΣΟΣ', 'ʰa', 'Aʰ', 'ⅷ Ⅷ', 'ⓐⒶ', '',
    '123', 'a1B2', 'ἈΙ', 'ᾈ', 'ﬀ', 'ǉ', 'ꭰ', 'Ꭰ', '\ud800a', 'a\u0300b', 'A\u0300b',
]
for t in samples:
    print(ascii([t.upper(), t.lower(), t.casefold(), t.title(), t.capitalize(), t.swapcase(),
                 t.isupper(), t.islower(), t.istitle()]))

# every code point but the surrogates, each between NULs (neither cased nor case-ignorable, so
# every one is mapped on its own): a CRC of each method's result per plane
mappers = [str.upper, str.lower, str.casefold, str.title, str.capitalize, str.swapcase]
tests = [str.isupper, str.islower, str.istitle]
for plane in range(17):
    crcs = [0] * (len(mappers) + len(tests))
    for start in range(plane << 16, (plane + 1) << 16, 4096):
        chars = [chr(c) for c in range(start, start + 4096) if not 0xd800 <= c < 0xe000]
        joined = '\0'.join(chars)
        for k, m in enumerate(mappers):
            crcs[k] = binascii.crc32(m(joined).encode('utf-8'), crcs[k])
        for k, p in enumerate(tests):
            crcs[len(mappers) + k] = binascii.crc32(''.join(filter(p, chars)).encode('utf-8'), crcs[len(mappers) + k])
    print(plane, ' '.join('%08x' % c for c in crcs))
