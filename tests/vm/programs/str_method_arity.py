# str methods refuse extra positional arguments and keywords they do not take, with CPython's
# messages (string_tests calls 'abc'.isalpha(42) and expects a TypeError).
names = ['upper', 'lower', 'casefold', 'strip', 'lstrip', 'rstrip', 'split', 'rsplit', 'join',
         'replace', 'startswith', 'endswith', 'find', 'rfind', 'index', 'rindex', 'count',
         'isdigit', 'isdecimal', 'isnumeric', 'isalpha', 'isalnum', 'isspace', 'isupper',
         'islower', 'istitle', 'isidentifier', 'isascii', 'isprintable', 'title', 'capitalize',
         'swapcase', 'center', 'ljust', 'rjust', 'zfill', 'partition', 'rpartition',
         'splitlines', 'encode', 'expandtabs', 'removeprefix', 'removesuffix', 'translate',
         'format_map']
for n in names:
    m = getattr('abc', n)
    out = []
    for args in [('a',) * 4, ('a',) * 3, (5,), ()]:
        try:
            r = m(*args)
            out.append('ok')
        except TypeError as e:
            out.append(str(e))
        except (ValueError, LookupError) as e:
            out.append(type(e).__name__)
    try:
        m(zz=1)
        out.append('ok')
    except TypeError as e:
        out.append(str(e))
    print(n, '|', ' | '.join(out))
print('a b c'.split(maxsplit=1), 'a\nb'.splitlines(keepends=True), 'a\tb'.expandtabs(tabsize=2))
print('ab'.encode(errors='strict'), 'a,b'.rsplit(sep=','), 'a,b'.split(',', maxsplit=0))
try:
    'a b'.split(' ', 1, maxsplit=1)
except TypeError as e:
    print(e)
import sys
print('a b c d'.rsplit(None, sys.maxsize), 'a b'.split(' ', sys.maxsize), 'aaa'.replace('a', 'b', sys.maxsize))
print(''.count('', sys.maxsize, 0), ''.find('', sys.maxsize, 0), 'abc'.find('c', -sys.maxsize, sys.maxsize))
print('abc'.rfind('a', -2**100, 2**100), 'abc'.count('b', 0, sys.maxsize * 9))
for f in [lambda: 'a'.split(None, sys.maxsize * 2), lambda: 'a\tb'.expandtabs(sys.maxsize),
          lambda: 'a'.strip(5), lambda: 'a'.replace('a', 5), lambda: 'a'.center(3, 5)]:
    try:
        print(f())
    except (OverflowError, TypeError) as e:
        print(type(e).__name__, e)
