parts = []
for i in range(100):
    parts.append(str(i))
s = ",".join(parts)
print(len(s), s[:20], s.count(","))
acc = ""
for ch in "abcdef":
    acc += ch.upper()
print(acc)
