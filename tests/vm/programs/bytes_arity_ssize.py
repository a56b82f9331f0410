import sys
for T in (bytes, bytearray):
    b = T(b'abc')
    for name, args in [('upper', (1,)), ('isalnum', (1,)), ('expandtabs', (1, 2)), ('splitlines', (1, 2)), ('removeprefix', ()),
                       ('removeprefix', (1, 2)), ('find', (1, 2, 3, 4)), ('count', (1, 2, 3, 4)), ('index', (1, 2, 3, 4)),
                       ('rfind', (1, 2, 3, 4)), ('rindex', (1, 2, 3, 4)), ('startswith', (1, 2, 3, 4)), ('split', (1, 2, 3)),
                       ('replace', (1, 2, 3, 4)), ('strip', (1, 2)), ('center', (1, 2, 3)), ('zfill', (1, 2)), ('partition', (1, 2)),
                       ('join', (1, 2)), ('hex', (1, 2, 3)), ('translate', (1, 2, 3)), ('ljust', ()),
                       ('capitalize', (1,)), ('isascii', (1,)), ('title', (1,)), ('replace', (b'a',))]:
        try:
            getattr(b, name)(*args)
        except TypeError as e:
            print(T.__name__, name, len(args), '|', e)
    print(b.find(b'', sys.maxsize, 0), b.count(b'a', -sys.maxsize - 5, 2**100), b.rfind(b'c', 0, sys.maxsize))
    print(b.split(b'b', sys.maxsize), b.rsplit(maxsplit=sys.maxsize), b.replace(b'a', b'x', sys.maxsize))
    for f in (lambda: b.find(2**100), lambda: 2**100 in b, lambda: 300 in b, lambda: -1 in b, lambda: 97 in b, lambda: b.find(b'a', 'x'), lambda: b.count(98, None, 2.0)):
        try:
            print(f())
        except Exception as e:
            print(type(e).__name__, e)
