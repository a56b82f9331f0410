# str compares by code point (an astral character after every BMP one, a lone surrogate as
# itself); rsplit with no limit matches from the right; %c takes a code point or one character;
# str indexing's 3.11 message
astral = '\U0001f600'
bmp2 = '\uffff'
print(astral < bmp2, astral > bmp2, bmp2 < astral, astral < '\U0001f601', '\ud800' < '\ue000')
print(sorted(['\U00010000', '\ufb01', 'a', '\ue000', '\U0010ffff', 'z']) == ['a', 'z', '\ue000', '\ufb01', '\U00010000', '\U0010ffff'])
print(max('\U00010000', '\uffff') == '\U00010000', min(['\uffee', '\U00020000']) == '\uffee')
print('abbbc'.rsplit('bb'), 'a,b,,c'.rsplit(','), 'aXXa'.rsplit('XX'), 'xaaay'.rsplit('aa', 1), b'abbbc'.rsplit(b'bb'))
print('%c' % 0x10000 == '\U00010000', '%c%c' % ('x', 65), '[%3c]' % 'y')
for bad in [('%c', 'ab'), ('%c', 1.5), ('%c', -1), ('%c', 0x110000)]:
    try:
        bad[0] % bad[1]
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
for k in ['a', 1.5, None]:
    try:
        'abc'[k]
    except TypeError as e:
        print(e)


class S(str):
    def __str__(self):
        return '__str__ overridden'


s = S('xxx')
print('%s' % s, '{}'.format(s), f'{s}', format(s), '{:5}|'.format(s))
