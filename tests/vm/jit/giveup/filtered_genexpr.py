# give up: generator
# A generator expression whose filter rejects most items: its trace runs from the loop header to
# the yield, and a rejected item leaves it through a guard (deoptimising) on most entries. The
# loop is given up after its first entries rather than deoptimised on every item.
# (through map: str.join would drain the generator itself, vm/interpreter/drain.ts)
def kept(words):
    return "-".join(map(str, (w.upper() for w in words if w.find("o") < 0)))

words = ["bar"] + ["foo"] * 8 + ["car"]
out = []
for i in range(3000):
    out.append(kept(words))
print(len(out), out[0], out[-1])
