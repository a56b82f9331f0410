# A class changes while its method is traced: the type-version guard fails, the loop is
# invalidated and recorded again, and the new method is used from then on.
class C:
    def __init__(self):
        self.v = 1
    def get(self):
        return self.v

def patched(self):
    return self.v * 100

def run(objs):
    s = 0
    for i in range(len(objs)):
        if i == 12:
            C.get = patched
        s += objs[i].get()  # deopt-here: the class changed
    return s

print(run([C() for _ in range(25)]))
