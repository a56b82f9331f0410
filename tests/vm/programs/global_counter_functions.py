counter = {"n": 0}
def bump():
    counter["n"] += 1
for _ in range(10):
    bump()
print(counter)
