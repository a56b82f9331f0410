# __slots__ in a subclass of a builtin whose instances have no __dict__ (list, dict, bytearray,
# array.array, deque, str, tuple): the subclass's instances have none either, so they take only
# the attributes their slots name; a further subclass without __slots__ gets a __dict__ again.
import array
import collections


def make(base, cls):
    if base is array.array:
        return cls('b', [1, 2])
    return cls()


for base in (list, dict, bytearray, array.array, collections.deque, str, tuple):
    class Slotted(base):
        __slots__ = () if base in (str, tuple) else ('offset',)

    a = make(base, Slotted)
    if base not in (str, tuple):
        a.offset = 4
        print(base.__name__, 'slot', a.offset)
    try:
        a.color = 'blue'
        print(base.__name__, 'set color')
    except AttributeError as e:
        print(base.__name__, 'AttributeError:', e)
    print(base.__name__, 'has __dict__', hasattr(a, '__dict__'))

    class Open(Slotted):
        pass

    b = make(base, Open)
    b.color = 'red'
    print(base.__name__, 'open', b.color, b.__dict__)


# the test_array case: an array subclass with __slots__ and its own __new__/__init__
class ExaggeratingArray(array.array):
    __slots__ = ['offset']

    def __new__(cls, typecode, data, offset):
        return array.array.__new__(cls, typecode, data)

    def __init__(self, typecode, data, offset):
        self.offset = offset

    def __getitem__(self, i):
        return array.array.__getitem__(self, i) + self.offset


e = ExaggeratingArray('i', [3, 6, 7, 11], 4)
print(e[0], e[3], len(e))
try:
    setattr(e, 'color', 'blue')
except AttributeError as err:
    print('AttributeError:', err)
