# __basicsize__ and __itemsize__ report CPython 3.11's (64-bit) layout sizes
class A: pass
class B: __slots__ = ('a', 'b')
class C(int): pass
class D(tuple): pass
class E(B): pass
for t in [object, int, tuple, bytes, str, list, dict, A, B, C, D, E, type, float, Exception, bool]:
    print(t.__name__, t.__basicsize__, t.__itemsize__)
