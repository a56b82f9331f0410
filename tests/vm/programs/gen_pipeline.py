def nums(n):
    yield from range(n)
def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x
print(sum(evens(nums(100))), list(evens(nums(10))))
