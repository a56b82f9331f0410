class Temp:
    def __init__(self):
        self._c = 0
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._c = v
    @staticmethod
    def s(x):
        return x * 2
    @classmethod
    def make(cls):
        return cls()
t = Temp.make()
t.c = 25
print(t.c, Temp.s(4), t.s(5))
try:
    t.c = -300
except ValueError as e:
    print("error:", e)
