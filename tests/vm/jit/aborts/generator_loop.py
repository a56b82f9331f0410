# abort: yield
# A loop that yields cannot be traced: recording stops at the yield and the generator goes on.
def gen(n):
    for i in range(n):
        yield i * i

print(sum(gen(20)), list(gen(5)))
