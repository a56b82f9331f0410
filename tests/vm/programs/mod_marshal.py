# marshal: CPython's byte format for the basic types, round trips, references and errors.
import marshal

small = 5
big = 2 ** 100
neg_big = -(2 ** 70) + 3
edge = 2 ** 31
name = 'abc'
text = 'hello world'
uni = 'h\xe9llo \u20ac'
long_ascii = 'x' * 300
data = b'\x00\x01bytes'
pair = (1, 'two', 3.5)
items = [1, 2, 3]
table = {'a': 1, 'b': pair}
numbers = {1, 2, 3}
frozen = frozenset({4})
for v in [None, True, False, Ellipsis, StopIteration, 0, small, -1, 2 ** 31 - 1, edge, -edge - 1,
          big, neg_big, 1.5, -0.0, 1e300, name, text, uni, long_ascii, data, pair, items, table,
          numbers, frozen, (), '']:
    d = marshal.dumps(v)
    back = marshal.loads(d)
    print(type(v).__name__, back == v, type(back).__name__, d[:24].hex())

# every version writes something loads reads back
for version in range(5):
    for v in [big, 2.25, text, uni, pair, items, table, frozen]:
        assert marshal.loads(marshal.dumps(v, version)) == v, (version, v)
print('versions ok')

# a repeated object is written once and referenced
shared = [1, 2]
twice = (shared, shared)
d = marshal.dumps(twice)
back = marshal.loads(d)
print(back, back[0] is back[1], d.hex())

# extra bytes after the object are ignored; bytes-likes are accepted
print(marshal.loads(marshal.dumps(42) + b'junk'), marshal.loads(bytearray(marshal.dumps('x'))))

# dump/load through a file
import io
f = io.BytesIO()
marshal.dump(table, f)
marshal.dump(pair, f)
f.seek(0)
print(marshal.load(f), marshal.load(f))

for bad in [object(), print, marshal]:
    try:
        marshal.dumps(bad)
    except ValueError as e:
        print('ValueError:', e)
for data in [b'', b'\xe9\x01', b'\xff', b'r\x05\x00\x00\x00']:
    try:
        marshal.loads(data)
    except (EOFError, ValueError) as e:
        print(type(e).__name__ + ':', e)
print(marshal.version)
