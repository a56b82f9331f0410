# Constructors given the wrong number of arguments raise CPython's TypeError (these once ended
# pyvm with an internal error), while subclasses may take more in their own __init__
cases = [
    lambda: slice(), lambda: slice(1, 2, 3, 4), lambda: slice(stop=1), lambda: range(1, 2, 3, 4),
    lambda: list(1, 2), lambda: tuple(1, 2), lambda: set(1, 2), lambda: frozenset(1, 2),
    lambda: float(1, 2), lambda: bool(1, 2), lambda: enumerate(), lambda: reversed(),
    lambda: filter(), lambda: filter(None), lambda: dict.fromkeys(), lambda: dict.fromkeys(1, 2, 3),
]
for c in cases:
    try:
        c()
        print('no error')
    except TypeError as e:
        print(e)


class Pair(list):
    def __init__(self, a, b):
        super().__init__([a, b])


print(Pair(1, 2), slice(5), list(enumerate(iterable='ab')), dict.fromkeys('ab', 0))
