# The _bisect accelerator: lo/hi/key, any sequence, insort on lists and other sequences, and
# Argument Clinic's errors, against CPython's C module.
import _bisect
import sys


def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


a = [1, 2, 2, 2, 3, 5, 8]
for x in [0, 1, 2, 4, 8, 9]:
    print(x, _bisect.bisect_left(a, x), _bisect.bisect_right(a, x),
          _bisect.bisect_left(a, x, 2), _bisect.bisect_right(a, x, 1, 4),
          _bisect.bisect_left(a, x, hi=3), _bisect.bisect_right(a, x, lo=2, hi=None))
print(_bisect.bisect_right(a, 2, hi=-1), _bisect.bisect_right(a, 2, 0, -5))
print(_bisect.bisect_left(range(10**15), 10**15 - 3), _bisect.bisect_right(range(10**15), 10**15 + 3))
print(_bisect.bisect_right('abcdef', 'c'), _bisect.bisect_left((1, 3, 5), 4))

recs = [('a', 1), ('b', 3), ('c', 3), ('d', 7)]
print(_bisect.bisect_left(recs, 3, key=lambda r: r[1]), _bisect.bisect_right(recs, 3, key=lambda r: r[1]))
_bisect.insort_left(recs, ('x', 3), key=lambda r: r[1])
_bisect.insort_right(recs, ('y', 3), key=lambda r: r[1])
print(recs)

b = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    _bisect.insort_right(b, x)
    _bisect.insort_left(b, x + 0.5, 0, len(b))
print(b)


class Seq(list):
    def insert(self, i, x):
        print('insert', i, x)
        list.insert(self, i, x)

s = Seq([1, 3])
_bisect.insort_left(s, 2)
_bisect.insort_right(s, 9, key=None)
print(s)


class Log:
    def __init__(self):
        self.seen = []

    def __len__(self):
        return 100

    def __getitem__(self, i):
        self.seen.append(i)
        return i

lg = Log()
print(_bisect.bisect_left(lg, 37), lg.seen)

show(lambda: _bisect.bisect_right())
show(lambda: _bisect.bisect_right([1]))
show(lambda: _bisect.bisect_right([1], 1, 2, 3, 4))
show(lambda: _bisect.bisect_right([1], 1, lo=-1))
show(lambda: _bisect.bisect_right([1], 1, lo='a'))
show(lambda: _bisect.bisect_right([1], 1, hi='a'))
show(lambda: _bisect.bisect_right([1], 1, foo=2))
show(lambda: _bisect.bisect_right([1], 1, lo=10**30))
show(lambda: _bisect.bisect_left([1], 1, hi=10**30))
show(lambda: _bisect.bisect_right(3, 1))
show(lambda: _bisect.bisect_right([1], 1, 0, None, None))
show(lambda: _bisect.bisect_right(a=[1], x=1, key=3))
show(lambda: _bisect.bisect_left([1], 1, a=[2]))
show(lambda: _bisect.insort_left([1], 1, lo=1.5))
show(lambda: _bisect.bisect_left([1, 'a'], 2))
show(lambda: _bisect.insort(3, 1))
print(_bisect.bisect_left.__module__)
