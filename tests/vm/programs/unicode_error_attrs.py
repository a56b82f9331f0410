# str() of the Unicode errors after a program changed their attributes (reason and encoding are
# shown through str(), as CPython's UnicodeEncodeError_str and the others).
for u in [UnicodeEncodeError('baz', 'xxxxx', 1, 5, 'foo'), UnicodeDecodeError('baz', b'xxxxx', 1, 5, 'foo'),
          UnicodeTranslateError('xxxx', 1, 5, 'foo')]:
    print(str(u))
    u.end = 2
    print(str(u))
    u.end = 5
    u.reason = 0x345345345345345345
    print(str(u))
    if not isinstance(u, UnicodeTranslateError):
        u.encoding = 4000
        print(str(u))
    u.start = 1000
    print(str(u))
    u.reason = None
    print(str(u))
