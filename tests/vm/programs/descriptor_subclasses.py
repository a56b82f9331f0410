# classmethod, staticmethod and property can be subclassed (abc.abstractclassmethod,
# numbers and fnmatch's imports rely on it); instances keep their class and still work.
class abstractclassmethod(classmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class loudstatic(staticmethod):
    pass


class cached(property):
    pass


class C:
    @abstractclassmethod
    def make(cls):
        return cls.__name__

    @loudstatic
    def twice(x):
        return 2 * x

    @cached
    def size(self):
        return 42

    @size.setter
    def size(self, v):
        self._v = v


c = C()
print(C.make(), c.make(), C.twice(4), c.twice(5), c.size)
print(type(C.__dict__["make"]).__name__, type(C.__dict__["twice"]).__name__, type(C.__dict__["size"]).__name__)
print(C.__dict__["make"].__isabstractmethod__, C.make.__func__.__isabstractmethod__)
c.size = 7
print(c._v, isinstance(C.__dict__["make"], classmethod), isinstance(C.__dict__["size"], property))
