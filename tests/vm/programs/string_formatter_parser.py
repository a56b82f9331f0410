# _string: the format-string parsing under string.Formatter, its results and its errors
import _string

for s in ['', 'plain', 'a{0}b', '{}{}', '{{x}}', 'x{{', '}}y', '{0!r:>10}', '{a.b[c]!s}', '{0:{1}.{2}f} end',
          '{name:%Y-%m-%d}', '{[}]}', '{0!a}', 'é{ü}€', '{x[0]:{y}}{{}}z']:
    print(repr(s), list(_string.formatter_parser(s)))

for s in ['}', '{', 'a}b', '{0!}', '{0!r', '{0!rx}', '{0:{1}', '{a{b}', 'ok{0}then}']:
    it = _string.formatter_parser(s)
    got = []
    try:
        for part in it:
            got.append(part)
        print(repr(s), 'no error', got)
    except ValueError as e:
        print(repr(s), got, 'ValueError:', e)

for name in ['0', 'abc', 'a.b.c', 'x[0][key].attr', '12[3]', '', '٣.real', 'a[1']:
    first, rest = _string.formatter_field_name_split(name)
    try:
        print(repr(name), repr(first), list(rest))
    except ValueError as e:
        print(repr(name), repr(first), 'ValueError:', e)
for name in ['a.', 'a[]', 'a[0]x', 'a..b']:
    first, rest = _string.formatter_field_name_split(name)
    try:
        print(repr(name), list(rest))
    except ValueError as e:
        print(repr(name), 'ValueError:', e)
try:
    _string.formatter_parser(5)
except TypeError as e:
    print('TypeError')
