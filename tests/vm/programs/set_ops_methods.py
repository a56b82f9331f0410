a = {1, 2, 3}
b = {3, 4}
print(sorted(a.union(b)), sorted(a.intersection(b)), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
print(a.issubset({1, 2, 3, 4}), a.isdisjoint({9}), a.issuperset({1}))
a.update([7, 8]); a.remove(1); print(sorted(a), a.pop() in {2, 3, 7, 8})
