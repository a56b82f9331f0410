# Pickling and copying itertools' iterators (issue #16): CPython 3.11's __reduce__ tuples, and
# a pickled or copied iterator goes on from the same position, fresh, part-used or exhausted.
import copy
import itertools as I
import operator
import pickle


def shape(x):
    # the reduce tuple with inner iterators named by type, so output is deterministic
    if isinstance(x, tuple):
        return tuple(shape(e) for e in x)
    if isinstance(x, list):
        return [shape(e) for e in x]
    name = type(x).__name__
    if name.endswith('iterator'):
        return '<iterator>'
    if type(x).__module__ == 'itertools':
        return '<%s>' % name
    if callable(x):
        return getattr(x, '__name__', '?')
    return x


def lt3(x):
    return x < 3


def half(x):
    return x // 2


def first(a, b):
    return a


def take(it, n=12):
    return list(I.islice(it, n))


def check(name, make, advance=1):
    it = make()
    for _ in range(advance):
        next(it, None)
    print(name, shape(it.__reduce__()))
    rest = [take(pickle.loads(pickle.dumps(it, proto))) for proto in range(pickle.HIGHEST_PROTOCOL + 1)]
    assert all(r == rest[0] for r in rest), (name, rest)
    cp = take(copy.copy(it))
    print('  ', rest[0], cp)
    print('  ', take(it))


for adv in (0, 1, 3):
    check('count', lambda: I.count(3, 2), adv)
check('count1', lambda: I.count(3))
check('count-float', lambda: I.count(3.0))
check('count-big', lambda: I.count(2 ** 70))
check('repeat', lambda: I.repeat('a', 3))
check('repeat-done', lambda: I.repeat('a', 1), 3)
check('repeat-forever', lambda: I.repeat('a'))
for adv in (0, 1, 2, 3, 5):
    check('cycle', lambda: I.cycle('abc'), adv)
check('cycle-empty', lambda: I.cycle(''), 2)
for adv in (0, 1, 3, 9):
    check('chain', lambda: I.chain('ab', [], 'cd'), adv)
check('chain-from', lambda: I.chain.from_iterable(['ab', 'cd']), 3)
for adv in (0, 1, 2, 4):
    check('islice', lambda: I.islice('abcdefgh', 1, 7, 2), adv)
check('islice-stop', lambda: I.islice('abcdef', 1), 2)
check('islice-none', lambda: I.islice(I.count(), None), 2)
for adv in (0, 1, 4):
    check('accumulate', lambda: I.accumulate([1, 2, 3]), adv)
check('accumulate-initial', lambda: I.accumulate([1, 2, 3], initial=10), 0)
check('accumulate-initial1', lambda: I.accumulate([1, 2, 3], initial=10), 1)
check('accumulate-mul', lambda: I.accumulate([1, 2, 3, 4], operator.mul), 2)
check('accumulate-none', lambda: I.accumulate([None, 1], first), 1)
check('compress', lambda: I.compress('abcdef', [1, 0, 1, 1, 0, 1]))
check('dropwhile', lambda: I.dropwhile(lt3, [1, 2, 3, 4, 1]), 0)
check('dropwhile1', lambda: I.dropwhile(lt3, [1, 2, 3, 4, 1]), 1)
check('takewhile', lambda: I.takewhile(lt3, [1, 2, 3, 4, 1]), 1)
check('takewhile-stopped', lambda: I.takewhile(lt3, [1, 2, 3, 4, 1]), 3)
check('starmap', lambda: I.starmap(pow, [(2, 3), (3, 2), (4, 2)]))
check('filterfalse', lambda: I.filterfalse(None, [0, 1, 0, 2, 0]))
for adv in (0, 1, 3, 5):
    check('zip_longest', lambda: I.zip_longest('abc', 'd', fillvalue='-'), adv)
for adv in (0, 1, 3, 5):
    check('product', lambda: I.product('ab', 'cd'), adv)
check('product-repeat', lambda: I.product('ab', repeat=2), 2)
check('product-empty', lambda: I.product('ab', ''), 1)
for adv in (0, 1, 4, 7):
    check('permutations', lambda: I.permutations('abc', 2), adv)
check('permutations-r', lambda: I.permutations('ab', 3), 1)
for adv in (0, 1, 2, 4):
    check('combinations', lambda: I.combinations('abcd', 3), adv)
check('combinations-r', lambda: I.combinations('ab', 3), 1)
for adv in (0, 1, 5, 7):
    check('cwr', lambda: I.combinations_with_replacement('abc', 2), adv)


def groups(it):
    return [(k, list(g)) for k, g in it]


for adv in (0, 1, 2):
    it = I.groupby('aabbbc')
    for _ in range(adv):
        next(it, None)
    print('groupby', adv, shape(it.__reduce__()))
    print('  ', groups(pickle.loads(pickle.dumps(it))), groups(copy.copy(it)))
it = I.groupby([1, 2, 3, 4, 5], key=half)
k, g = next(it)
print('groupby-key', shape(it.__reduce__()), k, list(g))
it = I.groupby('aabb')
k, g = next(it)
print('grouper', shape(g.__reduce__()), list(pickle.loads(pickle.dumps(g))))
next(g)
print('grouper1', shape(it.__reduce__()))
next(it)
print('grouper-stale', shape(g.__reduce__()))

try:
    pickle.dumps(I.pairwise('abc'))
except TypeError as e:
    print('TypeError', e)

# __setstate__ checks its argument as CPython does
for bad in (lambda: I.cycle('ab').__setstate__([1]),
            lambda: I.chain('ab').__setstate__((1,)),
            lambda: I.product('ab').__setstate__((1, 2)),
            lambda: I.combinations('abc', 2).__setstate__((0,))):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
c = I.combinations('abcd', 2)
c.__setstate__((1, 9))
print(list(c))
p = I.product('abc', 'de')
p.__setstate__((1, -4))
print(list(p))
