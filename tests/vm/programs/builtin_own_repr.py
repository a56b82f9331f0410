# Each builtin type has its own __repr__ (not object's), so code keyed by type(x).__repr__, as
# pprint's dispatch table is, tells lists, sets, tuples, strings and deques apart.
import collections
import pprint

types_ = [int, bool, float, complex, str, bytes, list, tuple, dict, set, frozenset, range, slice, type, collections.deque]
print([('__repr__' in t.__dict__) for t in types_])
print([t.__repr__ is object.__repr__ for t in types_])
print(len({t.__repr__ for t in types_}))
print(list.__repr__ == list.__repr__, list.__repr__ == tuple.__repr__)
print(list.__repr__([1, 2]), int.__repr__(True), tuple.__repr__((1,)), collections.deque.__repr__(collections.deque([1])))


class L(list):
    def __repr__(self):
        return 'L' + super().__repr__()

print(repr(L([1, 2])), list.__repr__(L([3])))
try:
    list.__repr__(5)
except TypeError as e:
    print(e)

print(pprint.pformat(list(range(30)), width=40))
print(pprint.pformat(tuple(range(25)), width=40))
print(pprint.pformat(set(range(20)), width=30))
print(pprint.pformat(frozenset(range(12)), width=30))
print(pprint.pformat('the quick brown fox jumps over the lazy dog ' * 2, width=30))
print(pprint.pformat(b'0123456789abcdef' * 4, width=30))
print(pprint.pformat(collections.deque(range(20), maxlen=30), width=40))
print(pprint.pformat([[1, 2, 3], (4, 5), {6, 7}, 'abc' * 10], width=20))
print(pprint.pformat([complex(1, 2)] * 8, width=30))
