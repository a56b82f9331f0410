# A guard inside an inlined method: the branch on i % 4 fails its guard every fourth
# iteration, and the bridge from it starts in the method's own frame (rebuilt from the
# snapshot) and runs on through the return into the loop.
class P:
    def __init__(self, v):
        self.v = v

    def step(self, i):
        if i % 4 == 0:
            return self.v + 1
        return self.v - 1


def run(n):
    p = P(10)
    t = 0
    for i in range(n):
        t += p.step(i)
    return t


print(run(3000))
