# A __new__ defined in a class body is a static method in the class dict, as CPython's type_new
# makes it (enum's _simple_enum reads cls.__dict__['__new__'].__func__: http.HTTPStatus failed)
class A:
    def __new__(cls, x=0):
        o = super().__new__(cls)
        o.x = x
        return o

print(type(A.__dict__['__new__']).__name__, A.__dict__['__new__'].__func__.__name__)
a = A(5)
print(a.x, A.__new__(A, 3).x, A.__new__ is A.__dict__['__new__'].__func__)

class B(A):
    pass

print(B(7).x, type(B(7)).__name__)

class C(int):
    def __new__(cls, v):
        return super().__new__(cls, v * 2)

print(C(4), type(C(4)).__name__)
from http import HTTPStatus
print(HTTPStatus.OK, HTTPStatus(404).phrase, int(HTTPStatus.NOT_FOUND))
import enum
print(type(enum.Enum.__dict__['__new__']).__name__)
