# A class whose __call__ is one of its own instances recurses without end in CPython too; it
# must end in RecursionError, not in the VM running out of memory.
class A(object):
    pass

A.__call__ = A()
try:
    A()()
except RecursionError:
    print('RecursionError')

class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x):
        return x + self.n

print(Adder(1)(2))
