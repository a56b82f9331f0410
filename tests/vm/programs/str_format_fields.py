# str.format field names: huge indexes, auto/manual numbering, conversions, nesting depth,
# and the parse errors CPython raises (shared with _string.formatter_parser).
import sys
import _string


def show(fmt, *args, **kwargs):
    try:
        print(repr(fmt), '->', repr(fmt.format(*args, **kwargs)))
    except (ValueError, IndexError, KeyError, AttributeError, TypeError) as e:
        print(repr(fmt), '->', type(e).__name__, e)


show("{{{}:.6f}}".format(sys.maxsize + 1), 2.34)
show("{99999999999999999999999}", 1)
show("{0[99999999999999999999999]}", [1])
show("{0[9999999999999999999999a]}", {'9999999999999999999999a': 5})
show("{}{}", 1, 2)
show("{}{1}", 1, 2)
show("{0}{}", 1, 2)
show("{a}{}", 1, a=2)
show("{}{a}{}", 1, 2, a=3)
show("{0!x}", 1)
show("{0!\x01}", 1)
show("{0!r:>8}", 'ab')
show("{0!a}", 'é')
show("{0!}", 1)
show("{0!rr}", 1)
show("{0:{1:{2}}}", 1, 2, 3)
show("{0:{1}}", 3.5, '>8')
show("{:{}}", 'x', 5)
show("{0[}", 1)
show("{a{b}", 1)
show("{0.}", 1)
show("{0[]}", [1])
show("{0[0]x}", [1])
show("{0[0}", [1])
show("{0.real.imag}", 5)
show("{0[1][0]}", [0, 'xy'])
show("{0[-1]}", {'-1': 'neg'})
show("x}}y{{z", 1)
show("a}b", 1)
show("a{", 1)
show("{0} {missing}", 1)
show("{١}", 'a', 'b')
show("{0.missing} {0[}", 1)
print('{a} {b[x]}'.format_map({'a': 1, 'b': {'x': 2}}))
try:
    '{}'.format_map({})
except ValueError as e:
    print('ValueError', e)
try:
    '{0}'.format_map({})
except ValueError as e:
    print('ValueError', e)
print(list(_string.formatter_parser('a{0!r:>{1}}b{{c}}')))
f, rest = _string.formatter_field_name_split('0.x[3][k]')
print(f, list(rest))
try:
    _string.formatter_field_name_split('99999999999999999999999')
except ValueError as e:
    print('ValueError', e)
f, rest = _string.formatter_field_name_split('a[99999999999999999999999]')
try:
    print(f, list(rest))
except ValueError as e:
    print('ValueError', e)
# indexes between 2**53 and sys.maxsize are out of range, not refused
show("{9223372036854775807}", 1)
show("{%d}" % (2**53 + 1), 1)
show("{0009223372036854775807}", 1)
show("{0[9223372036854775807]}", {9223372036854775807: 'big key'})
show("{0[9007199254740993]}", {9007199254740993: 'past 2**53'})
show("{0[007]}", {7: 'seven'})
show("{999999999999999999999a}", 1)
show("{9a99999999999999999999}", 1)
print(list(_string.formatter_field_name_split('9223372036854775807[9223372036854775806]')[1]))
print(_string.formatter_field_name_split('9223372036854775807')[0])
