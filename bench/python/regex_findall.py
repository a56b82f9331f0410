# regular expressions: findall and sub over a 1 MB text (the _sre engine under re)
try:
    import re
    WORDS = re.compile(r'[A-Za-z]+ing\b')
    NUMBERS = re.compile(r'\d+\.\d+')
except Exception:
    # while `import re` fails (it needs modules this VM lacks yet), the same patterns through _sre directly:
    # the code words are what CPython 3.11's re._compiler makes of them
    import _sre
    WORDS = _sre.compile(r'[A-Za-z]+ing\b', 32, [14, 4, 0, 4, 4294967295, 24, 13, 1, 4294967295, 13, 8, 22, 65, 90, 22, 97, 122, 0, 1, 16, 105, 16, 110, 16, 103, 6, 10, 1], 0, {}, (None,))
    NUMBERS = _sre.compile(r'\d+\.\d+', 32, [14, 4, 0, 3, 4294967295, 24, 9, 1, 4294967295, 13, 4, 8, 10, 0, 1, 16, 46, 24, 9, 1, 4294967295, 13, 4, 8, 10, 0, 1, 1], 0, {}, (None,))

VOCAB = ['running', 'the', 'King', 'sing', 'ring-road', 'data', '3.14', 'bringing', 'x42', 'ingot', 'thing.', '10.5kg', 'string', 'and']

def text(size):
    parts = []
    seed = 12345
    n = 0
    while n < size:
        seed = (seed * 1103515245 + 12345) % 2147483648
        w = VOCAB[seed % len(VOCAB)]
        parts.append(w)
        n += len(w) + 1
    return ' '.join(parts)

t = text(1000000)
found = WORDS.findall(t)
nums = NUMBERS.findall(t)
print(len(t), len(found), found[:5], len(nums), nums[:3])
print(len(WORDS.sub('ING', t)), NUMBERS.subn('N', t)[1])
