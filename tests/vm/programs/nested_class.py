class Outer:
    class Inner:
        def v(self):
            return 42
    def make(self):
        return self.Inner()
print(Outer().make().v(), Outer.Inner.__name__)
