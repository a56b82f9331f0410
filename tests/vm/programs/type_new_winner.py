# type() picks the most derived metaclass of the bases; __init_subclass__/__class_getitem__ are implicit class methods; int.from_bytes of any bytes-like; attributes on str subclasses
print(int.from_bytes(bytearray(b"\x01\x02"), "little"), int.from_bytes([1, 2], "big"), int.from_bytes(b"\x00\x10", "big"))
try:
    int.from_bytes([300], "big")
except ValueError as e:
    print(e)
class Meta(type):
    def __new__(m, name, bases, ns, **kw):
        print("Meta.__new__", name, kw)
        return super().__new__(m, name, bases, ns)
class A(metaclass=Meta): pass
B = type("B", (A,), {}, flag=1)
print(type(B).__name__)
class T:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)
        super().__init_subclass__()
    def __class_getitem__(cls, item):
        return (cls.__name__, item)
class U(T, tag=2): pass
print(T[int])
import sys
print(sys.warnoptions, issubclass(PendingDeprecationWarning, Warning), UnicodeTranslateError.__mro__[1].__name__)
class S(str): pass
s = S("x"); s.note = 5; print(s, s.note)
