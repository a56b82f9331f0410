# subclasses of bytes and bytearray: __new__, attributes, methods returning the base type
def t(label, f):
    try:
        r = f()
        print(label, type(r).__name__, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

class B(bytes):
    pass

class Tagged(bytes):
    def __new__(cls, data, tag):
        self = super().__new__(cls, data)
        self.tag = tag
        return self
    def __repr__(self):
        return 'Tagged(%s, %r)' % (bytes.__repr__(self), self.tag)
    def shout(self):
        return self.upper() + b'!'

b = B(b'hello')
print(type(b).__name__, b, len(b), b[1], b == b'hello', isinstance(b, bytes), hash(b) == hash(b'hello'))
b.note = 'attr'
print(b.note, b.__dict__)
for name in ('upper', 'strip', 'replace', 'split', 'join', 'center', 'zfill', 'partition', 'translate'):
    pass
print(type(b.upper()).__name__, type(b[1:]).__name__, type(b + b'x').__name__, type(b * 2).__name__)
print(type(b.strip()).__name__, type(b.split(b'l')[0]).__name__, type(b.partition(b'z')[0]).__name__, type(b.replace(b'x', b'y')).__name__)
print(type(bytes(b)).__name__, bytes(b) is b)
t('B(3)', lambda: B(3))
t('B(list)', lambda: B([104, 105]))
t('B(str enc)', lambda: B('hé', 'utf-8'))
t('B(str)', lambda: B('x'))
t('B.fromhex', lambda: B.fromhex('4142'))
x = Tagged(b'data', 7)
print(x, x.tag, x.shout(), type(x.shout()).__name__, x == b'data')
print(b'%s|%s' % (x, b))
print(b'-'.join([b, x]))
print(sorted([B(b'b'), B(b'a')]))
print({b: 1}[b'hello'])

class BA(bytearray):
    def total(self):
        return sum(self)

a = BA(b'abc')
a.append(100)
a.extra = 1
print(a, a.total(), a.extra, type(a[1:]).__name__, type(a.upper()).__name__, len(a), isinstance(a, bytearray))
a[0:1] = b'XY'
print(a, bytes(a), a.hex())

class WithBytes:
    def __init__(self, v):
        self.v = v
    def __bytes__(self):
        return self.v
t('__bytes__', lambda: bytes(WithBytes(b'ok')))
t('__bytes__ bad', lambda: bytes(WithBytes('no')))
t('__bytes__ sub', lambda: type(B(WithBytes(b'ok'))).__name__)

class Idx:
    def __index__(self):
        return 3
t('bytes(index)', lambda: bytes(Idx()))
t('find(index)', lambda: b'ab\x03'.find(Idx()))
