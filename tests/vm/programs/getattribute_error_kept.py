# An AttributeError raised by __getattribute__ is the lookup's own error when the class has no
# __getattr__ (its name, obj and message kept); with one, __getattr__ is tried.
class A:
    bluch = 1
class B:
    def __getattribute__(self, attr):
        a = A()
        return a.blich
try:
    B().something
except AttributeError as exc:
    print(exc, exc.name, type(exc.obj).__name__)
class C:
    def __getattribute__(self, attr):
        raise AttributeError('custom')
    def __getattr__(self, attr):
        return 'fallback ' + attr
print(C().x)
