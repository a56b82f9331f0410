try:
    raise ValueError("msg", 42)
except ValueError as e:
    print(e.args, e.args[1], str(e))
class E(Exception):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
try:
    raise E("x", "y")
except E as e:
    print(e, e.b, e.args)
