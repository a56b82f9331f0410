# __slots__ without '__dict__' along the whole MRO: only the slots' attributes can be set; a class
# attribute without a slot is read-only through an instance; private slot names are mangled;
# a subclass without __slots__ has a __dict__ again. Deleting an attribute an instance lacks
# names the class; a Python descriptor's __delete__ runs on del.
def t(f):
    try:
        r = f()
        print('ok' if r is None else r)
    except AttributeError as e:
        print('AttributeError', e)


class A:
    y = 1


class B:
    y = 0
    __slots__ = ('z', '__p')


class C(B):
    __slots__ = ()


class D(B):
    pass


class WithDict:
    __slots__ = ('a', '__dict__')


t(lambda: delattr(A(), 'x'))
t(lambda: delattr(A(), 'y'))
t(lambda: delattr(B(), 'x'))
t(lambda: delattr(B(), 'y'))
t(lambda: setattr(B(), 'y', 1))
t(lambda: setattr(B(), 'x', 1))
t(lambda: delattr(B(), 'z'))
t(lambda: B().z)
t(lambda: setattr(C(), 'q', 1))
t(lambda: setattr(B(), '_B__p', 2))
t(lambda: setattr(B(), '__p', 2))
b = B()
b.z = 5
print(b.z)
del b.z
t(lambda: b.z)
d = D()
d.q = 1
print(d.q)
w = WithDict()
w.other = 2
print(w.other)


class Desc:
    def __get__(self, obj, typ):
        return 'got'

    def __set__(self, obj, v):
        print('set', v)

    def __delete__(self, obj):
        print('deleted')


class E:
    d = Desc()


e = E()
e.d = 3
del e.d
print(e.d)


class Ex(Exception):
    __slots__ = ('k',)


x = Ex()
x.anything = 1
print(x.anything)
