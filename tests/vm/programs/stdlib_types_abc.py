# types and abc import now (types needs traceback and frame objects; abc's _py_abc needs WeakSet)
import types, abc, sys

def gen():
    yield 1
print(types.FunctionType is type(gen), isinstance(gen(), types.GeneratorType))
print(types.TracebackType.__name__, types.FrameType.__name__, types.CodeType.__name__)
try:
    raise KeyError("k")
except KeyError as e:
    print(isinstance(e.__traceback__, types.TracebackType), isinstance(e.__traceback__.tb_frame, types.FrameType))
print(isinstance(sys._getframe(), types.FrameType))
ns = types.SimpleNamespace(a=1, b="x")
print(ns.a, ns.b)

class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self):
        ...
class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s * self.s
print(Square(3).area(), isinstance(Square(1), Shape), issubclass(Square, Shape))
print(sorted(Shape.__abstractmethods__), sorted(Square.__abstractmethods__))
class Duck:
    def area(self):
        return 0
Shape.register(Duck)
print(isinstance(Duck(), Shape), issubclass(Duck, Shape), issubclass(int, Shape))
