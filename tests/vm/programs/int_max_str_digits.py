# sys.set_int_max_str_digits: int <-> decimal str conversions past the limit raise ValueError
# before the quadratic work (CPython 3.11's CVE-2020-10735 guard); powers of two bases have no
# limit; the sign, whitespace and underscores are not counted; 0 disables the limit.
import sys

print(sys.get_int_max_str_digits(), sys.int_info.default_max_str_digits, sys.int_info.str_digits_check_threshold)
old = sys.get_int_max_str_digits()
sys.set_int_max_str_digits(maxdigits=1000)
print(sys.get_int_max_str_digits())
for s in ['1' * 1000, ' -' + '1' * 1000 + ' ', '+' + '1' * 1000, '1_11' * 333 + '1', '1' * 1001, '1_1' * 500 + '_1',
          '-' + '9' * 1001]:
    try:
        print(len(s), int(s) % 1000007)
    except ValueError as e:
        print(len(s), 'ValueError', e)
for base in (2, 8, 16, 32, 3, 36):
    try:
        print(base, int('1' * 5000, base).bit_length())
    except ValueError as e:
        print(base, 'ValueError', e)
for v in (10 ** 999, 10 ** 1000, -(10 ** 999), -(10 ** 1000), 2 ** 50000):
    for conv in (str, repr, lambda x: '%d' % x, lambda x: format(x, ','), lambda x: f'{x}', hex):
        try:
            print(len(conv(v)))
        except ValueError as e:
            print('ValueError', e)
for bad in (1, 639, -1):
    try:
        sys.set_int_max_str_digits(bad)
    except ValueError as e:
        print(bad, 'ValueError', e)
sys.set_int_max_str_digits(0)
print(len(str(10 ** 20000)), int('7' * 20000) % 97)
sys.set_int_max_str_digits(640)
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(old)
print(sys.get_int_max_str_digits() == old)
