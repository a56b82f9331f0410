# _functools.cmp_to_key: the KeyWrapper it returns, wrapped objects ordered and compared equal
# by cmp, keyword arguments, errors, unhashable keys, and functools using it.
import _functools
import functools

print(functools.cmp_to_key is _functools.cmp_to_key)


def cmp1(x, y):
    return (x > y) - (x < y)

key = _functools.cmp_to_key(mycmp=cmp1)
print(type(key).__name__, key(obj=3) == key(3), key(3) != key(3), key(3) > key(1), key(3) <= key(1), key(50).obj)
print(sorted(range(5), key=_functools.cmp_to_key(lambda x, y: y - x)))
values = [5, '3', 7, 2, '0', '1', 4, '10', 1]
print(sorted(values, key=functools.cmp_to_key(lambda x, y: cmp1(int(x), int(y)))))
print(key(4.0) == key(4), key(2) < key(35))


def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)

show(lambda: key(3) > 1)
show(lambda: 1 < key(3))
show(lambda: _functools.cmp_to_key())
show(lambda: _functools.cmp_to_key(cmp1, None))
show(lambda: key())
show(lambda: key(None, None))
show(lambda: hash(key(10)))
show(lambda: _functools.cmp_to_key(lambda x, y: 1 / 0)(3) > _functools.cmp_to_key(cmp1)(1))
import collections
try: hash(collections.deque())
except TypeError as e: print(e)
