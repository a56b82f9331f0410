# The __dict__ and __weakref__ getset descriptors a class statement adds when its instances get
# an attribute dict or a weak-reference list that no base already gives them.
import types
import weakref


class C:
    def meth(self):
        pass


class Sub(C):
    pass


class E(Exception):
    pass


class L(list):
    pass


class I(int):
    pass


class S:
    __slots__ = ('a',)


class SD:
    __slots__ = ('a', '__dict__')


class SW(S):
    __slots__ = ('__weakref__',)


class T(type):
    pass


class Doc(int):
    'a docstring'
    x = 1


for c in (C, Sub, E, L, I, S, SD, SW, T, Doc):
    print(c.__name__, [k for k in c.__dict__ if k in ('__dict__', '__weakref__', '__doc__', '__module__', 'x', 'meth')])

d = C.__dict__['__dict__']
w = C.__dict__['__weakref__']
print(repr(d), repr(w), type(d) is types.GetSetDescriptorType, C.__dict__['__dict__'] is d)
print(d.__name__, d.__qualname__, d.__objclass__ is C, d.__doc__, w.__doc__)
print(C.__weakref__ is w, Sub.__weakref__ is w, '__dict__' in Sub.__dict__, len(C.__dict__.values()))

o = C()
o.x = 1
print(d.__get__(o), d.__get__(None, C) is d, w.__get__(o))
r = weakref.ref(o)
print(o.__weakref__ is r, w.__get__(o) is r, Sub().__weakref__)
d.__set__(o, {'y': 2})
print(o.y, hasattr(o, 'x'))
for call in (lambda: d.__get__(3), lambda: d.__set__(o, 3), lambda: w.__set__(o, None), lambda: w.__delete__(o)):
    try:
        call()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
print(hasattr(S(), '__weakref__'), SW().__weakref__, hasattr(1, '__weakref__'))
print(types.FunctionType.__code__.__get__(C.meth) is C.meth.__code__, types.FunctionType.__code__.__name__)
print(types.GetSetDescriptorType.__name__, types.FunctionType.__code__.__class__.__name__)
