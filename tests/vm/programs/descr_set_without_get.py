# a descriptor with __set__ but no __get__: the instance dict's value shows through, and the
# descriptor itself is the attribute while the dict has none
class Descr(object):
    def __init__(self, name):
        self.name = name
    def __set__(self, obj, value):
        obj.__dict__[self.name] = value
descr = Descr("a")
class X(object):
    a = descr
x = X()
print(x.a is descr)
x.a = 42
print(x.a)
for i in range(3):
    x.a = i
    print(x.a)
class Meta(type):
    pass
class Y(metaclass=Meta):
    pass
Y.a = 42
Meta.a = Descr("a")
print(Y.a)
