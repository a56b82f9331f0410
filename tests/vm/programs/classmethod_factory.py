class Shape:
    registry = {}
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        Shape.registry[cls.__name__] = cls
    @classmethod
    def create(cls, name):
        return cls.registry[name]()
class Circle(Shape):
    def area(self):
        return 3
class Square(Shape):
    def area(self):
        return 4
print(sorted(Shape.registry), Shape.create("Square").area())
