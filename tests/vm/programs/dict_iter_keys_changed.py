# A key deleted and added again while a dict is iterated keeps its size but changes its keys:
# CPython's RuntimeError 'dictionary keys changed during iteration'.


def attempt(label, f):
    try:
        f()
        print(label, 'no error')
    except RuntimeError as e:
        print(label, e)


def over(view_of):
    d = {0: 0}
    for _ in view_of(d):
        del d[0]
        d[0] = 0


attempt('keys', lambda: over(lambda d: d))
attempt('values', lambda: over(lambda d: d.values()))
attempt('items', lambda: over(lambda d: d.items()))


def grow():
    d = {0: 0}
    for i in d:
        d[i + 1] = 1


attempt('grow', grow)

# deleting and re-adding other keys behind the iterator, then finishing normally
d = {i: i for i in range(5)}
seen = []
for k in d:
    seen.append(k)
print(seen)
s = {1, 2, 3}
for _ in range(100):
    s.add(9)
    s.discard(9)
print(sorted(s), len(s))
d = {}
for i in range(1000):
    d[i] = i
    del d[i]
d['a'] = 1
print(d, len(d))
