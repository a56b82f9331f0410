# __init_subclass__ is looked up after the class in its own MRO, so a mixin listed first
# (class C(Mixin, Base)) does not hide Base's hook (unittest.TestCase's _class_cleanups).
class Base:
    def __init_subclass__(cls, **kw):
        cls.seen = kw
        super().__init_subclass__()

class Mixin:
    pass

class C(Mixin, Base, tag=1):
    pass

print(C.seen)

class D(Mixin, Base):
    pass

print(D.seen, 'seen' in D.__dict__)

class Other:
    @staticmethod
    def __init_subclass__(**kw):
        print('static', kw)

class E(Mixin, Other, x=2):
    pass

try:
    class F(Mixin, flag=True):
        pass
except TypeError as e:
    print(e)

import unittest

class Checks:
    def test_one(self):
        pass

class T(Checks, unittest.TestCase):
    pass

print(T._class_cleanups, T._classSetupFailed)
