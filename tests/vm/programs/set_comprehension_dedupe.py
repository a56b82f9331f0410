words = ["a", "bb", "a", "cc", "bb"]
print(len(set(words)), sorted(set(words)), sorted({len(w) for w in words}))
