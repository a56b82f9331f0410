Point = type("Point", (), {"x": 1, "show": lambda self: self.x * 2})
p = Point()
print(p.show(), type(p).__name__, type(Point).__name__, type(type))
class Meta(type):
    def __new__(mcs, name, bases, ns):
        ns["tag"] = name.lower()
        return super().__new__(mcs, name, bases, ns)
class Thing(metaclass=Meta):
    pass
print(Thing.tag, type(Thing).__name__)
