# A __new__ defined in a class body is stored as a static method (CPython's type_new wraps it),
# which enum's _simple_enum (behind http.HTTPStatus) reads as cls.__dict__['__new__'].__func__.
class A:
    def __new__(cls, x=1):
        o = super().__new__(cls)
        o.x = x
        return o


print(type(A.__dict__['__new__']).__name__, A.__dict__['__new__'].__func__.__name__)
print(A(5).x, A.__new__(A).x, A.__new__ is A.__dict__['__new__'].__func__)


class B(A):
    def __new__(cls):
        return super().__new__(cls, 7)


print(B().x, type(B.__dict__['__new__']).__name__)


class C:
    __new__ = staticmethod(lambda cls: 'made by a lambda')


print(C())

from collections import namedtuple

P = namedtuple('P', 'a b', defaults=[3])
print(P(1), P(1, 2), type(P.__dict__['__new__']).__name__)

from http import HTTPStatus

print(HTTPStatus.OK.value, HTTPStatus(404).phrase, HTTPStatus.NOT_FOUND.name)
