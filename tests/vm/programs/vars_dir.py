class A:
    def __init__(self):
        self.b = 2
        self.a = 1
a = A()
print(vars(a), [n for n in dir(a) if not n.startswith("__")])
