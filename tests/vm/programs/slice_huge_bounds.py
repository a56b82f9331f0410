# Slice bounds and steps past the machine range are clamped, as CPython's _PyEval_SliceIndex does.
import sys
from array import array


class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


big = 1 << 333
for seq in ([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'abcdefghijk', b'abcdefghijk', (1, 2, 3, 4), array('b', range(11)), range(11)):
    print(type(seq).__name__,
          list(seq[9::big]), list(seq[-big:big]), list(seq[big:-big:-1]), list(seq[::-big]),
          list(seq[2:sys.maxsize:3]), list(seq[Idx(big):]), list(seq[:Idx(-big)]))
lst = list(range(20))
del lst[9::big]
print(lst)
a = array('i', range(20))
del a[3::1 << 100]
print(a.tolist())
lst[big:] = [99]
print(lst)
try:
    [1, 2][1.5:]
except TypeError as e:
    print(e)
