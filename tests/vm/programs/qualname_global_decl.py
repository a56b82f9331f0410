# A def or class statement whose name the enclosing function declares global gets a qualname of
# its name alone, so pickle finds such a class as module.name; what is nested inside is named
# from it.
import pickle


def make():
    global Point, helper

    class Point:
        __slots__ = ('x',)

        def __init__(self, x=0):
            self.x = x

        def __getstate__(self):
            return self.x

        def __setstate__(self, x):
            self.x = x

        class Inner:
            pass

    def helper():
        def nested():
            pass
        return nested

    class Local:
        pass

    return Local


Local = make()
print(Point.__qualname__, Point.Inner.__qualname__, Point.__init__.__qualname__)
print(helper.__qualname__, helper().__qualname__, Local.__qualname__)
p = pickle.loads(pickle.dumps(Point(7), 2))
print(type(p).__qualname__, p.x)
