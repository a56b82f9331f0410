words = []
for i in range(5000):
    words.append("w" + str(i % 100))
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(len(counts), counts["w7"], "".join(words[:5]))
