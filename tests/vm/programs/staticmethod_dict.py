# staticmethod and classmethod objects have a __dict__: the wrapped callable's __module__,
# __name__, __qualname__, __doc__ and __annotations__ copied when made (CPython's cm_init), and
# what a program sets on them; __wrapped__ and __isabstractmethod__ follow the callable.
import abc


def f(cls, arg: int) -> str:
    "f docstring"
    return (cls, arg)


sm = staticmethod(None)
print(sm.__dict__)
sm.x = 42
print(sm.x, sm.__dict__)
del sm.x
print(hasattr(sm, 'x'), sm.__dict__)

cm = classmethod(f)
print(sorted(cm.__dict__.items()))
cm.x = 42
print(cm.x, sorted(cm.__dict__))
del cm.x
print(hasattr(cm, 'x'), cm.__wrapped__ is f, cm.__func__ is f, cm.__doc__, cm.__name__, cm.__qualname__)
print(staticmethod(len).__doc__ == len.__doc__, staticmethod(len).__name__, staticmethod(f).__annotations__)
try:
    del cm.nope
except AttributeError as e:
    print('AttributeError')


class C:
    @staticmethod
    def s(a):
        "static doc"
        return a

    @classmethod
    def c(cls):
        return cls.__name__

    @staticmethod
    @abc.abstractmethod
    def ab():
        pass


print(C.s(1), C().s(2), C.c(), C.__dict__['s'].__doc__, C.__dict__['s'].__name__)
print(C.__dict__['ab'].__isabstractmethod__, C.__dict__['s'].__isabstractmethod__)
