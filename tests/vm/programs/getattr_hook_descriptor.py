# __getattribute__ and __getattr__ may be any descriptor: each is bound by its __get__
class Descriptor(object):
    counter = 0
    def __get__(self, obj, objtype=None):
        def getter(name):
            self.counter += 1
            raise AttributeError(name)
        return getter
descr = Descriptor()
class A(object):
    __getattribute__ = descr
class B(object):
    __getattr__ = descr
class C(object):
    __getattribute__ = descr
    __getattr__ = descr
for cls in (A, B, C):
    try:
        getattr(cls(), "attr")
    except AttributeError as e:
        print('AttributeError', e)
    print(descr.counter)
class D:
    @staticmethod
    def __getattr__(name):
        return 'static ' + name
print(D().x)
class E:
    def __getattribute__(self, name):
        raise AttributeError('own message ' + name)
try:
    E().zz
except AttributeError as e:
    print(e)
print(hasattr(E(), 'q'), getattr(E(), 'q', 'dflt'))
