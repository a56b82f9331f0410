class Evens:
    def __contains__(self, x):
        return x % 2 == 0
    def __len__(self):
        return 42
e = Evens()
print(4 in e, 5 in e, 5 not in e, len(e), bool(e))
