# a list that its key or comparisons grow during sort(): ValueError, the added items dropped
from functools import cmp_to_key

z = list(range(12))
def selfmodifying(x, y):
    z.append(1)
    return (x > y) - (x < y)
try:
    z.sort(key=cmp_to_key(selfmodifying))
except ValueError as e:
    print('ValueError', e)
print(z)

w = [3, 1, 2]
def key(x):
    w.append(x)
    return -x
try:
    w.sort(key=key)
except ValueError as e:
    print('ValueError', e)
print(w)

v = [3, 1, 2]
def key2(x):
    print('len during sort', len(v))
    return x
v.sort(key=key2, reverse=True)
print(v)
u = [2, 1, 'a']
try:
    u.sort()
except TypeError as e:
    print('TypeError', e)
print(u)
