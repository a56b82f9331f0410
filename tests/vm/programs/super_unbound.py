# super(type) and super(type, None) are unbound: a descriptor that binds to the instance it is
# read through. super(type, obj) checks its arguments; super objects show __thisclass__,
# __self__, __self_class__ and a repr; a descriptor found through super gets the instance.
class A:
    def meth(self, a):
        return "A(%r)" % a

    @property
    def prop(self):
        return 'A.prop'

    @classmethod
    def cm(cls):
        return 'A.cm ' + cls.__name__


class B(A):
    def __init__(self):
        self.__super = super(B, self)

    def meth(self, a):
        return "B(%r)" % a + self.__super.meth(a)


class C(A):
    def meth(self, a):
        return "C(%r)" % a + self.__super.meth(a)


C._C__super = super(C)


class D(C, B):
    def meth(self, a):
        return "D(%r)" % a + super(D, self).meth(a)


print(B().meth(2), C().meth(3), D().meth(4))
print(isinstance(C.__dict__['_C__super'], super), C._C__super is C.__dict__['_C__super'])

s = super(B)
print(s.__thisclass__.__name__, s.__self__, s.__self_class__, repr(s))
b = B()
t = super(B, b)
print(t.__thisclass__.__name__, t.__self__ is b, t.__self_class__.__name__, repr(t))
print(t.prop, t.cm(), super(B, B).cm(), super(B, B).prop.__class__.__name__)
print(s.__get__(b).meth(5), s.__get__(None, B) is s, super(B, None).__self__)
for bad in [lambda: super(1), lambda: super(B, 1), lambda: super(B).meth, lambda: super(B, A()),
            lambda: super(B, b, 3)]:
    try:
        bad()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)


class Desc:
    def __get__(self, obj, typ):
        return ('get', obj is None, typ.__name__)


class E:
    d = Desc()


class F(E):
    pass


print(super(F, F()).d, super(F, F).d)
