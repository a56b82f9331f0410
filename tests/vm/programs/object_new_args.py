# object.__new__ and object.__init__ refuse excess arguments unless the class overrides the
# other one (typeobject.c object_new/object_init).
def t(f):
    try:
        print(f())
    except TypeError as e:
        print('TypeError', e)


class A:
    pass


class N:
    def __new__(cls, *a):
        return object.__new__(cls)


class I:
    def __init__(self, *a):
        pass


class NI:
    def __new__(cls, *a):
        return object.__new__(cls, *a)

    def __init__(self, *a):
        object.__init__(self, *a)


class Sup:
    def __init__(self, x):
        super().__init__(x)


t(lambda: A(1))
t(lambda: A(x=1))
t(lambda: type(N(1)).__name__)
t(lambda: type(I(1)).__name__)
t(lambda: object.__new__(A, 1))
t(lambda: object.__new__(N, 1))
t(lambda: type(object.__new__(I, 1)).__name__)
t(lambda: object.__init__(A(), 1))
t(lambda: object.__init__(N(), 1))
t(lambda: object.__init__(I(), 1))
t(lambda: NI(1))
t(lambda: Sup(1))
t(lambda: object(1))
t(lambda: object.__init__(object(), 1))
t(lambda: type(object.__new__(A)).__name__)
t(lambda: object.__init__(A()))


class E(Exception):
    pass


t(lambda: E(1).args)
