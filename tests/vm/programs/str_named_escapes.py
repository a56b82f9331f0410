# \N{name} escapes in str literals and f-strings, through the unicodedata database (the parser
# knew two names and gave '?' for the rest: json's ensure_ascii tests compared '"??"')
import json

u = '\N{GREEK SMALL LETTER ALPHA}\N{GREEK CAPITAL LETTER OMEGA}'
print(json.dumps(u), json.dumps([u]), json.dumps(u, ensure_ascii=False) == '"' + u + '"')
print(ascii('\N{latin small letter a with acute}\N{BYTE ORDER MARK}\N{HANGUL SYLLABLE GAG}\N{CJK UNIFIED IDEOGRAPH-4E00}'))
print(ascii(f'x{1 + 1}\N{EM DASH}\N{BULLET}\N{GRINNING FACE}'))
print(ascii(b'\N{x}'), ascii(r'\N{EM DASH}'))
for src in [r"'\N{NOPE}'", r"'ab\N{LATIN CAPITAL LETTER A WITH MACRON AND GRAVE}'", r"'\N{}'", r"'\N{EM DASH'"]:
    try:
        eval(src)
    except SyntaxError as e:
        print('SyntaxError', e.msg)
