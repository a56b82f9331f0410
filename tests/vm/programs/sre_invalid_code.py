# _sre.compile refuses code words re._compiler would not make (RuntimeError: invalid SRE code,
# as CPython's validator does) instead of running them past the end of the code.
import _sre

GOOD = [
    ('[\\U0001F600-\\U0001F64F]+', 32, [14, 4, 0, 1, 4294967295, 24, 10, 1, 4294967295, 13, 5, 22, 128512, 128591, 0, 1, 1], 0),
    ('(?>(a|ab))c', 32, [14, 4, 0, 2, 3, 27, 18, 17, 0, 16, 97, 7, 3, 15, 7, 5, 16, 98, 15, 2, 0, 17, 1, 1, 16, 99, 1], 1),
    ('(a)?(?(1)b|c)', 32, [14, 4, 0, 1, 2, 23, 9, 0, 1, 17, 0, 16, 97, 17, 1, 18, 12, 0, 6, 16, 98, 15, 3, 16, 99, 1], 1),
    ('(?<=a)b', 32, [14, 4, 0, 1, 1, 4, 5, 1, 16, 97, 1, 16, 98, 1], 0),
    ('(?:ab)++', 32, [14, 4, 0, 2, 4294967295, 28, 7, 1, 4294967295, 16, 97, 16, 98, 1, 1], 0),
]


def attempt(pattern, flags, code, groups):
    try:
        p = _sre.compile(pattern, flags, code, groups, {}, (None,) * (groups + 1))
    except RuntimeError as e:
        return 'RuntimeError: ' + str(e)
    return 'ok ' + repr([m.group() for m in p.finditer('aab ac b ab c abab \U0001F600')])


for pattern, flags, code, groups in GOOD:
    print(pattern, attempt(pattern, flags, code, groups))
    # the last word not SUCCESS: an item would read past the end
    print(' end', attempt(pattern, flags, code[:-1] + [2], groups))
    # cut short
    print(' cut', attempt(pattern, flags, code[:-3] + [1], groups))
    # the first skip made too long
    bad = list(code)
    bad[1] = 200
    print(' skip', attempt(pattern, flags, bad, groups))
    # an unknown opcode in the middle
    bad = list(code)
    bad[5] = 99
    print(' op', attempt(pattern, flags, bad, groups))
# a set whose RANGE became NEGATE: its bounds read as opcodes
print(attempt('x', 32, [14, 4, 0, 1, 4294967295, 24, 10, 1, 4294967295, 13, 5, 21, 128512, 128591, 0, 1, 1], 0))
# a group mark or backreference past the pattern's groups
print(attempt('x', 32, [17, 5, 16, 97, 17, 1, 1], 0))
print(attempt('x', 32, [16, 97, 11, 3, 1], 1))
print(attempt('x', 32, [], 0))
