class Registry(type):
    classes = []
    def __new__(mcs, name, bases, ns):
        cls = super().__new__(mcs, name, bases, ns)
        Registry.classes.append(name)
        return cls
    def __call__(cls, *args):
        obj = super().__call__(*args)
        obj.created_by_meta = True
        return obj
class Base(metaclass=Registry):
    def __init__(self, v):
        self.v = v
class Child(Base):
    pass
c = Child(3)
print(Registry.classes, c.v, c.created_by_meta, isinstance(Child, Registry))
