# Pickling and copying builtin iterators (issue #16): __reduce__ gives CPython 3.11's tuples,
# and a pickled or copied iterator goes on from the same position.
import copy
import pickle


class Seq:
    def __len__(self):
        return 4

    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * 10


def shape(x):
    # the reduce tuple with iterators and objects named by type, so output is deterministic
    if isinstance(x, tuple):
        return tuple(shape(e) for e in x)
    if isinstance(x, list):
        return [shape(e) for e in x]
    if type(x).__name__.endswith('iterator') or isinstance(x, Seq):
        return '<iterator>' if type(x).__name__.endswith('iterator') else '<Seq>'
    if callable(x):
        return getattr(x, '__name__', '?')
    return x


def check(name, make, advance=1):
    it = make()
    for _ in range(advance):
        next(it, None)
    r = it.__reduce__()
    print(name, shape(r))
    rest = [list(pickle.loads(pickle.dumps(it, proto))) for proto in range(pickle.HIGHEST_PROTOCOL + 1)]
    assert all(r == rest[0] for r in rest), (name, rest)
    it3 = copy.copy(it)
    print('  ', rest[0], list(it3), list(it))


d = {'a': 1, 'b': 2, 'c': 3}
check('list', lambda: iter([1, 2, 3]))
check('list0', lambda: iter([1, 2, 3]), 0)
check('list-done', lambda: iter([1]), 2)
check('tuple', lambda: iter((1, 2, 3)))
check('tuple-done', lambda: iter((1,)), 2)
check('str', lambda: iter('abc'))
check('str-wide', lambda: iter('a\U0001f600bc'), 2)
check('str-done', lambda: iter('a'), 2)
check('bytes', lambda: iter(b'abc'))
check('bytes-done', lambda: iter(b'a'), 2)
check('range', lambda: iter(range(1, 10, 2)))
check('range-neg', lambda: iter(range(10, -10, -3)), 2)
check('range-done', lambda: iter(range(1)), 2)
check('range-empty', lambda: iter(range(0)), 0)
check('longrange', lambda: iter(range(2 ** 70, 2 ** 70 + 10, 3)))
check('longrange-done', lambda: iter(range(2 ** 70, 2 ** 70 + 1)), 2)
check('reversed-range', lambda: reversed(range(5)))
check('reversed-longrange', lambda: reversed(range(2 ** 70, 2 ** 70 + 10, 3)))
check('reversed-longrange-neg', lambda: reversed(range(-2 ** 70, -2 ** 70 - 7, -2)), 2)
check('dict-keys', lambda: iter(d))
check('dict-values', lambda: iter(d.values()))
check('dict-items', lambda: iter(d.items()))
check('dict-done', lambda: iter({1: 2}), 2)
check('set', lambda: iter({7}), 0)
check('set-done', lambda: iter({7}), 2)
check('reversed-list', lambda: reversed([1, 2, 3]))
check('reversed-list-done', lambda: reversed([1]), 2)
check('reversed-tuple', lambda: reversed((1, 2, 3)))
check('reversed-seq-done', lambda: reversed(Seq()), 5)
check('enumerate', lambda: enumerate('abc', 5))
check('zip', lambda: zip('abc', [1, 2, 3]))
check('zip-strict', lambda: zip('ab', 'cd', strict=True))
check('map', lambda: map(str, [1, 2, 3]))
check('filter', lambda: filter(None, [0, 1, 2, 0, 3]))
check('seq', lambda: iter(Seq()))
check('seq-done', lambda: iter(Seq()), 5)

# __setstate__ clamps the index into the sequence
it = iter([1, 2, 3])
it.__setstate__(-5)
print(list(it))
it = iter((1, 2, 3))
it.__setstate__(2)
print(list(it))
it = iter('abcd')
it.__setstate__(10)
print(list(it))
it = iter(range(10))
it.__setstate__(7)
print(list(it))
it = iter(range(2 ** 70, 2 ** 70 + 5))
it.__setstate__(3)
print(list(it))
it = reversed([1, 2, 3, 4])
it.__setstate__(1)
print(list(it))
it = reversed((1, 2, 3, 4))
it.__setstate__(99)
print(list(it))
z = zip('ab', 'c')
z.__setstate__(True)
try:
    list(z)
except ValueError as e:
    print('ValueError', e)
try:
    iter([]).__setstate__('x')
except TypeError as e:
    print('TypeError', e)

# an exhausted list iterator stays exhausted when the list grows
l = [1]
it = iter(l)
list(it)
l.append(2)
print(list(it), shape(it.__reduce__()))
