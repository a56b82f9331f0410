# len() checks what __len__ returns: an int, not negative (even a huge negative), not too big.
import sys


def make(v):
    class L:
        def __len__(self):
            return v
    return L()


for v in [3, 0, True, None, 4.5, -10, sys.maxsize * 4, -sys.maxsize - 10, -2**100]:
    try:
        print(len(make(v)))
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
