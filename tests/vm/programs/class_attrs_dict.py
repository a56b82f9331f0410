class A:
    x = 1
    def m(self):
        return self.x
a = A()
print(a.m(), A.x)
a.x = 5
print(a.m(), A.x, a.__dict__, sorted(k for k in A.__dict__ if not k.startswith("__")))
A.x = 10
print(A().m())
