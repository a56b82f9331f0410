# len() of a range past 2**53 but within ssize_t is its length; past ssize_t, OverflowError
import sys
r = range(sys.maxsize)
print(r.__len__() == sys.maxsize, len(r) == sys.maxsize, len(range(0, sys.maxsize, 2)))
try:
    len(range(-sys.maxsize - 1, sys.maxsize))
except OverflowError as e:
    print('OverflowError', e)
try:
    range(2 ** 64).__len__()
except OverflowError as e:
    print('OverflowError', e)
