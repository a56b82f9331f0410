class Rng:
    def __getitem__(self, k):
        if isinstance(k, slice):
            return ("slice", k.start, k.stop, k.step)
        return ("index", k)
r = Rng()
print(r[1], r[1:5], r[::2], r[:3:-1])
