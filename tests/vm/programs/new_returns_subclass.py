# __new__ returning something other than an instance of the class: __init__ runs only for
# an instance of it (a subclass's included), and it is the object's own type's __init__.
# Testing __new__ returning something unexpected...
class C(object):
    def __new__(cls, arg):
        if isinstance(arg, str): return [1, 2, 3]
        elif isinstance(arg, int): return object.__new__(D)
        else: return object.__new__(cls)
class D(C):
    def __init__(self, arg):
        self.foo = arg
print(C("1"))
print(D("1"))
d = D(None)
print(d.foo == None)
d = C(1)
print(isinstance(d, D))
print(d.foo == 1)
d = D(1)
print(isinstance(d, D))
print(d.foo == 1)
