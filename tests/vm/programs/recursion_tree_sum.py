def build(d):
    if d == 0:
        return None
    return (d, build(d - 1), build(d - 1))
def total(t):
    if t is None:
        return 0
    return t[0] + total(t[1]) + total(t[2])
print(total(build(12)))
