class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name[1:]} must be {self.kind.__name__}")
        setattr(obj, self.name, value)
class P:
    age = Typed(int)
    def __init__(self, age):
        self.age = age
p = P(5)
print(p.age)
try:
    p.age = "x"
except TypeError as e:
    print(e)
print(type(P.age).__name__)
