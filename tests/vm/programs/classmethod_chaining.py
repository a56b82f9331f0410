# classmethod.__get__ chains to what it wraps (CPython 3.11): a classmethod over a property is
# a class property, over another descriptor that descriptor's __get__ with the class.


class A:
    """First"""

    @classmethod
    @property
    def __doc__(cls):
        return "A doc for %r" % cls.__name__

    @classmethod
    @property
    def size(cls):
        return len(cls.__name__)


class LongerName(A):
    pass


print(A.__doc__, LongerName.__doc__)
print(A.size, LongerName.size, A().size)


class Descr:
    def __get__(self, obj, owner):
        return ("got", obj.__name__ if isinstance(obj, type) else obj, owner.__name__)


class B:
    d = classmethod(Descr())

    @classmethod
    def plain(cls):
        return cls.__name__


print(B.d, B().d)
print(B.plain(), B().plain())
print(B.__dict__["plain"].__get__(None, B)())
print(B.__dict__["d"].__get__(B()))
