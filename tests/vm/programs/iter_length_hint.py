# __length_hint__ of the builtin iterators: items left, 0 once exhausted or after the set or
# dict changed size, and operator.length_hint reading it.
import operator

for make in [lambda: [1, 2, 3], lambda: (4, 5), lambda: {7, 8, 9, 10}, lambda: {'a': 1, 'b': 2}, lambda: range(3, 9)]:
    c = make()
    it = iter(c)
    hints = [it.__length_hint__()]
    for _ in it:
        hints.append(it.__length_hint__())
    print(type(c).__name__, hints, operator.length_hint(iter(make())))

d = {'a': 1, 'b': 2, 'c': 3}
for view in (d.keys(), d.values(), d.items()):
    it = iter(view)
    next(it)
    print(it.__length_hint__())

s = {1, 2, 3}
it = iter(s)
next(it)
s.add(4)
print(it.__length_hint__())
s.discard(4)
print(it.__length_hint__())
