# property as CPython 3.11's: its name (from __set_name__) in the errors of a missing getter,
# setter or deleter; the getter's docstring, kept per instance for a subclass; getter/setter/
# deleter copies made through the property's type; __isabstractmethod__; __set__/__delete__.


class C:
    ro = property(lambda self: 1)
    wo = property(None, lambda self, v: None)


c = C()
for action in ("get", "set", "del"):
    for name in ("ro", "wo"):
        try:
            if action == "get":
                getattr(c, name)
            elif action == "set":
                setattr(c, name, 5)
            else:
                delattr(c, name)
            print(action, name, "ok")
        except AttributeError as e:
            print(action, name, e)

anon = property()
try:
    anon.__get__(c, C)
except AttributeError as e:
    print(e)
try:
    anon.__set__(c, 1)
except AttributeError as e:
    print(e)
try:
    anon.__delete__(c)
except AttributeError as e:
    print(e)
anon.__set_name__(C, "late")
try:
    anon.__get__(c, C)
except AttributeError as e:
    print(e)
for n in (0, 1, 3):
    try:
        anon.__set_name__(*([0] * n))
    except TypeError as e:
        print(e)


class D:
    def __init__(self):
        self._x = 0

    @property
    def x(self):
        "the x"
        return self._x

    @x.setter
    def x(self, v):
        "ignored"
        self._x = v


d = D()
D.x.__set__(d, 7)
print(d.x, D.x.__doc__)
D.x.__doc__ = "changed"
print(D.x.__doc__)
print(property(lambda self: 0).__doc__, property(doc="given").__doc__)


class PropertySub(property):
    """a subclass of property"""


class E:
    @PropertySub
    def spam(self):
        """spam's doc"""
        return 1

    @spam.getter
    def spam(self):
        """the new getter's doc"""
        return 2

    @PropertySub
    def eggs(self):
        """eggs' doc"""
        return 3

    @eggs.setter
    def eggs(self, v):
        """ignored"""


print(type(E.spam).__name__, E.spam.__doc__, E().spam, E.eggs.__doc__)


class Slotted(property):
    """no instance dict"""
    __slots__ = ()


try:
    class F:
        @Slotted
        def f(self):
            """cannot be copied"""
except AttributeError as e:
    print("AttributeError", e)


class Abstract:
    def f(self):
        pass
    f.__isabstractmethod__ = [1]
    f = property(f)
    g = property(lambda self: 0)


print(Abstract.f.__isabstractmethod__, Abstract.g.__isabstractmethod__)
