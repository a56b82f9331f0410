# A bridge whose own guard fails: every fourth iteration runs in a bridge that adds an int to
# x; once x is a float the bridge's class guard fails and the interpreter takes over from
# the bridge's snapshot (until that guard gets a bridge of its own).
def f(n):
    total = 0
    x = 0
    for i in range(n):
        if i % 4:
            total += i
        else:
            x = x + 1  # bridge-guard-fail
            if i == 600:
                x = x * 0.5
    return total, x


print(f(1200))
print(f(7))
