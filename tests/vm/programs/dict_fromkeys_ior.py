# dict.fromkeys on a subclass calls the class and stores through __setitem__ (dict_fromkeys);
# d |= x is d.update(x) for any mapping or iterable of pairs (dict_ior).
import collections

class dictlike(dict):
    pass
print(type(dictlike.fromkeys('a')).__name__, dictlike.fromkeys('ab'), type(dictlike().fromkeys('a')).__name__)

class mydict(dict):
    def __new__(cls):
        return collections.UserDict()
ud = mydict.fromkeys('ab')
print(type(ud).__name__, ud == {'a': None, 'b': None})

class Exc(Exception):
    pass
class baddict1(dict):
    def __init__(self):
        raise Exc()
try:
    baddict1.fromkeys([1])
except Exc:
    print('Exc raised')

class logdict(dict):
    def __setitem__(self, k, v):
        print('set', k, v)
        super().__setitem__(k, v * 2)
print(logdict.fromkeys([1, 2], 5))
print(dict.fromkeys({3: 4}, 0), dict.fromkeys({5, 5}), dict.fromkeys(range(3), []))
print(type(collections.OrderedDict.fromkeys('xy')).__name__)
try:
    dict.fromkeys(3)
except TypeError as e:
    print('TypeError', e)

c = {1: 1}
c |= [(1, 2), (2, 2), (3, 3)]
print(c)
c |= {4: 4}
print(c)
c |= collections.UserDict(a=1)
print(c)
for bad in (3, [1], [(1, 2, 3)]):
    d = {}
    try:
        d |= bad
    except (TypeError, ValueError) as e:
        print(type(e).__name__)
class R:
    def __ror__(self, other):
        return 'ror'
d = {}
try:
    d |= R()
except TypeError as e:
    print('TypeError', e)
print(d | R())
class Sub(dict):
    pass
s = Sub(a=1)
s |= {'b': 2}
print(type(s).__name__, s)
