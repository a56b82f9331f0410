class A:
    def __init__(self):
        self._prot = 1
        self.pub = 2
    def _helper(self):
        return self._prot
a = A()
print(a._helper(), a.pub, sorted(vars(a)))
