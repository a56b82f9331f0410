class A:
    n = 1
    @staticmethod
    def s():
        return "static"
    @classmethod
    def c(cls):
        return cls.n
class B(A):
    n = 2
print(A.s(), A().s(), A.c(), B.c(), B().c())
