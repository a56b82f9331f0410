class Bag:
    def __init__(self):
        self.items = {}
    def __getitem__(self, k):
        return self.items.get(k, 0)
    def __setitem__(self, k, v):
        self.items[k] = v
    def __delitem__(self, k):
        del self.items[k]
    def __len__(self):
        return len(self.items)
    def __contains__(self, k):
        return k in self.items
    def __iter__(self):
        return iter(sorted(self.items))
    def __bool__(self):
        return len(self) > 0
b = Bag()
print(bool(b))
b["x"] = 1; b["y"] = 2
print(b["x"], b["q"], len(b), "x" in b, list(b), bool(b))
del b["x"]; print(len(b))
