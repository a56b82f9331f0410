# _collections: deque and defaultdict, compared with CPython
from _collections import deque, defaultdict

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], d.maxlen, bool(d), bool(deque()))
print(d.pop(), d.popleft(), d)
d.extend('ab')
d.extendleft([9, 8])
print(d, list(reversed(d)), 3 in d, 'z' in d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.reverse()
print(d, d.count(2), d.index(2))
d.remove('a')
d.insert(1, 'X')
d[0] = 'first'
del d[-1]
print(d, d.copy() == d, d == deque(d), d != deque(), deque([1, 2]) < deque([1, 3]))
b = deque(range(10), maxlen=3)
print(b, b.maxlen)
b.append(10)
b.appendleft(-1)
print(b)
b.extend(range(5))
print(b, list(b))
print(deque([1, 2]) + deque([3]), deque('ab') * 2)
x = deque([1])
x += [2, 3]
x *= 2
print(x)
x.clear()
print(x, len(x))
for bad in (lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1])[5], lambda: deque([1]).index(7),
            lambda: deque([1], maxlen=-1), lambda: deque([1], maxlen=1).insert(0, 2)):
    try:
        bad()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
m = deque([1, 2, 3])
try:
    for v in m:
        m.append(v)
except RuntimeError as e:
    print('RuntimeError', e)
r = deque()
r.append(r)
print(r)
big = deque()
for i in range(1000):
    big.append(i)
    if i % 3 == 0:
        big.popleft()
print(len(big), big[0], big[-1], sum(big))

dd = defaultdict(list)
for k, v in [('a', 1), ('b', 2), ('a', 3)]:
    dd[k].append(v)
print(dd, dd['a'], len(dd), dd.default_factory is list, isinstance(dd, dict))
c = defaultdict(int)
for ch in 'mississippi':
    c[ch] += 1
print(sorted(c.items()), c['zz'], 'zz' in c)
n = defaultdict(None, {'x': 1})
try:
    n['y']
except KeyError as e:
    print('KeyError', e)
print(n, defaultdict(), type(dd).__name__)
cp = c.copy()
print(type(cp).__name__, cp == c, cp.default_factory is int)
dd2 = defaultdict(lambda: 'dflt', a=1)
print(dd2['q'], sorted(dd2.items()))
try:
    defaultdict(5)
except TypeError as e:
    print('TypeError', e)
dd.default_factory = set
dd['s'].add(1)
print(dd['s'], dd.get('nothere'))
