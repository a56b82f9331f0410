# loop: step
class P:
    def __init__(self, x):
        self.x = x
        self.vx = 0.5

def step(ps):
    for p in ps:
        p.x += p.vx

ps = [P(float(i)) for i in range(4)]
step(ps)
print([p.x for p in ps])
