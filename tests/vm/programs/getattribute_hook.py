class Tracer:
    def __init__(self):
        self.x = 1
    def __getattribute__(self, name):
        if name == "secret":
            return "hidden"
        return object.__getattribute__(self, name)
t = Tracer()
print(t.x, t.secret)
try:
    t.nothing
except AttributeError as e:
    print("AttributeError", e)
