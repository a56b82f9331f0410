# Machine ints overflow into big ints: the overflow guard fails and the interpreter redoes the
# multiplication with big ints.
def run(n):
    x = 1
    out = []
    for i in range(n):
        x = x * 3  # deopt-here: past 2**53
        out.append(x % 1000)
    return x, out[-3:]

print(run(60))
