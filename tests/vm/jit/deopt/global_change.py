# Globals change under a trace: a global rebound (same key, even to another type) is reread;
# a new global added (dict version bumped) fails the dict-version guard.
K = 1

def bump(i):
    global K, NEW
    if i == 10:
        K = 7
    if i == 15:
        NEW = 1
    if i == 20:
        K = 0.5

def run(n):
    s = 0
    for i in range(n):
        bump(i)  # deopt-here: globals gained a key (the dict-version guard of the first global load)
        s += K
    return s

print(run(25), NEW)
