class A:
    def f(self):
        return self.f()
A().f()
