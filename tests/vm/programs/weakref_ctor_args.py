# weakref.ref's argument checks: no keywords on ref itself, one or two arguments to __new__ and
# __init__; a subclass's own __init__ may take keywords
import weakref


class C:
    pass


c = C()
for call in [lambda: weakref.ref(c, callback=None), lambda: weakref.ref(), lambda: weakref.ref(c, None, None)]:
    try:
        call()
    except TypeError as e:
        print(e)
r = weakref.ref(Exception)
try:
    r.__init__(0, 0, 0, 0, 0)
except TypeError as e:
    print(e)
r.__init__(Exception)
print(r() is Exception)


class MyRef(weakref.ref):
    def __init__(self, ob, callback=None, value=42):
        self.value = value
        super().__init__(ob, callback)


m = MyRef(c, None, value=7)
print(m.value, m() is c, MyRef(c).value)
