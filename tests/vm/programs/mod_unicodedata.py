# unicodedata: names (stored, Hangul, ideographs, aliases, named sequences), properties and the
# four normal forms, against the Unicode 14.0.0 database CPython 3.11 has
import unicodedata as ud

print(ud.unidata_version)
for c in ['A', 'é', '\u00bd', '\u0663', '\u2167', '\uac01', '\u4e00', '\U00020000', '\uf900', '\U00018b00',
          '\U0001f600', '\u0301', '\u05d0', '\u200d', '\u3000', '\uff21', '(', '\u2028', '\x00', '\ue000']:
    print(hex(ord(c)), ud.name(c, None), ud.category(c), ud.bidirectional(c), ud.combining(c),
          ud.east_asian_width(c), ud.mirrored(c), ud.decimal(c, None), ud.digit(c, None), ud.numeric(c, None),
          repr(ud.decomposition(c)))
for n in ['LATIN SMALL LETTER A', 'latin small letter a with acute', 'HANGUL SYLLABLE GAG', 'HANGUL SYLLABLE PWILH',
          'CJK UNIFIED IDEOGRAPH-4E00', 'CJK UNIFIED IDEOGRAPH-20000', 'NUSHU CHARACTER-1B170', 'KHITAN SMALL SCRIPT CHARACTER-18B00', 'CJK COMPATIBILITY IDEOGRAPH-F900', 'NULL',
          'LATIN CAPITAL LETTER A WITH MACRON AND GRAVE', 'GRINNING FACE', 'BYTE ORDER MARK']:
    print(n, [hex(ord(ch)) for ch in ud.lookup(n)])
for n in ['NOPE', 'TANGUT IDEOGRAPH-17000', 'CJK UNIFIED IDEOGRAPH-0041', 'HANGUL SYLLABLE X', 'x' * 300]:
    try:
        ud.lookup(n)
    except KeyError as e:
        print('KeyError', e)
for bad in [lambda: ud.name('\uffff'), lambda: ud.decimal('a'), lambda: ud.digit('a'), lambda: ud.numeric('a'),
            lambda: ud.category('ab'), lambda: ud.name(1), lambda: ud.normalize('X', 'a'),
            lambda: ud.normalize('NFC', 1)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
samples = ['e\u0301', '\u00e9', '\ufb01', '\u1e9b\u0323', 'A\u030a\u0301', '\u0041\u0308\u0300\u0323',
           '\uac00\u11a8', '\u1100\u1161\u11a8', '\u2460 \u00bd \u33a1', '\u0958', 'abc', '\u212b\u2126',
           'q\u0307\u0323', '\U0001d15e', '\u0f73']
for s in samples:
    print([[hex(ord(c)) for c in ud.normalize(f, s)] for f in ('NFC', 'NFD', 'NFKC', 'NFKD')],
          [ud.is_normalized(f, s) for f in ('NFC', 'NFD', 'NFKC', 'NFKD')])
# every code point of a few blocks against their name round trip
ok = 0
for cp in list(range(0x20, 0x3000)) + list(range(0x1f300, 0x1f700)):
    n = ud.name(chr(cp), None)
    if n is not None and ud.lookup(n) == chr(cp):
        ok += 1
print(ok)
print(sum(ud.combining(chr(cp)) for cp in range(0x300, 0x370)), sum(1 for cp in range(0x10000) if ud.category(chr(cp)) == 'Lu'))
# the 3.2.0 database IDNA uses
old = ud.ucd_3_2_0
print(old.unidata_version, type(old).__name__, type(old) is ud.UCD)
for c in ['A', '\u0f3a', '\u231a', '\u20ac', '\U0001f600', '\u0221', '\u00bd', '\u1e9b']:
    print(hex(ord(c)), old.name(c, None), old.category(c), old.bidirectional(c), old.east_asian_width(c),
          old.mirrored(c), old.numeric(c, None), repr(old.decomposition(c)))
for n in ['EURO SIGN', 'GRINNING FACE', 'BYTE ORDER MARK']:
    try:
        print(n, ascii(old.lookup(n)))
    except KeyError as e:
        print('KeyError', e)
print(ascii(old.normalize('NFKC', '\u2460\ufb01\u1e9b\u0323')), old.is_normalized('NFC', '\u00e9'))
import stringprep, encodings.idna
print('b\u00fccher.example'.encode('idna'), b'xn--bcher-kva.example'.decode('idna'))
