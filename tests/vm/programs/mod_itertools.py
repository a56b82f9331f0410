# itertools: every iterator, compared with CPython
from itertools import (count, cycle, repeat, accumulate, chain, compress, dropwhile, filterfalse, groupby,
                       islice, pairwise, starmap, takewhile, tee, zip_longest, product, permutations,
                       combinations, combinations_with_replacement)
import itertools


print(list(islice(count(), 5)), list(islice(count(10, 3), 4)), list(islice(count(0.5, 0.25), 3)))
c = count(5)
next(c)
print(repr(c), repr(count(1, 2)), repr(repeat('a')), repr(repeat('a', 3)))
print(list(islice(cycle('abc'), 8)), list(cycle([])))
print(list(repeat(7, 3)), list(repeat(1, -2)), list(islice(repeat('x'), 2)))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3, 4], lambda a, b: a * b)))
print(list(accumulate([1, 2, 3], initial=100)), list(accumulate([], initial=5)), list(accumulate([])))
print(list(accumulate([3, 1, 4, 1, 5], max)))
print(list(chain('ab', [1, 2], ())), list(chain.from_iterable(['xy', 'z'])), list(chain()))
print(list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])), list(compress(range(10), [1, 1])))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, '', 'a', None])))
print([(k, list(g)) for k, g in groupby('AAAABBBCCDAABBB')])
print([k for k, g in groupby('AAAABBBCCD')])
print([(k, list(g)) for k, g in groupby([1, 2, 3, 10, 11, 20], key=lambda x: x // 10)])
groups = list(groupby('aabbc'))
print([(k, list(g)) for k, g in groups])
print(list(islice('ABCDEFG', 2)), list(islice('ABCDEFG', 2, 4)), list(islice('ABCDEFG', 2, None)),
      list(islice('ABCDEFG', 0, None, 2)), list(islice(range(100), 5, 50, 10)), list(islice('abc', None)))
it = iter(range(10))
print(list(islice(it, 3)), next(it))
print(list(pairwise('ABCDE')), list(pairwise('A')), list(pairwise([])))
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])))
a, b = tee(iter([1, 2, 3, 4]))
print(next(a), next(a), list(b), list(a))
x, y, z = tee('abc', 3)
print(list(x), list(y), list(z), tee([1], 0))
print(list(zip_longest('ABCD', 'xy', fillvalue='-')), list(zip_longest('ab', [1, 2, 3])), list(zip_longest()))
print(list(product('AB', 'xy')), list(product(range(2), repeat=3)), list(product()), list(product('ab', [])))
print(list(permutations('ABC', 2)), len(list(permutations(range(5)))), list(permutations([], 0)), list(permutations('ab', 3)))
print(list(permutations(range(3))))
print(list(combinations('ABCD', 2)), list(combinations(range(4), 3)), list(combinations('ab', 3)), list(combinations('ab', 0)))
print(list(combinations_with_replacement('ABC', 2)), list(combinations_with_replacement('', 0)), list(combinations_with_replacement('', 1)))
print(type(count()).__name__, type(chain()) is chain, itertools.chain.__module__ if hasattr(chain, '__module__') else '')
print(sum(1 for _ in product(range(4), repeat=4)), next(iter(count())))
for bad in (lambda: islice('abc', -1), lambda: islice('abc', 1, 2, 0), lambda: combinations('abc', -1),
            lambda: product('a', repeat=-1), lambda: count('a'), lambda: tee('a', -1)):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    next(repeat(1, 0))
except StopIteration as e:
    print('StopIteration', e.args)
