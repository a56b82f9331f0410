class Money:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        if isinstance(o, Money):
            return Money(self.v + o.v)
        if isinstance(o, int):
            return Money(self.v + o)
        return NotImplemented
    def __radd__(self, o):
        return self.__add__(o)
    def __eq__(self, o):
        if not isinstance(o, Money):
            return NotImplemented
        return self.v == o.v
    def __repr__(self):
        return f"Money({self.v})"
print(Money(1) + Money(2), Money(1) + 5, 5 + Money(1), sum([Money(1), Money(2)], Money(0)))
print(Money(1) == Money(1), Money(1) == 1, Money(2) != Money(3))
try:
    Money(1) + "x"
except TypeError as e:
    print(e)
