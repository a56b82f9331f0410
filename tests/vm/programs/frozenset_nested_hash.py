# A frozenset's hash is computed once (CPython's so->hash): frozensets nested n deep, each holding
# all the smaller ones, hash in linear time, and equal ones hash alike.
nums = [frozenset()]
for i in range(40):
    nums.append(frozenset(nums))
print(len(nums[-1]), len({hash(x) for x in nums}), hash(frozenset(nums)) == hash(frozenset(reversed(nums))))
d = {n: i for i, n in enumerate(nums)}
print(d[frozenset(nums[:5])], frozenset(nums[:3]) in nums)
