words = ["apple", "Banana", "cherry"]
print(", ".join(w.capitalize() for w in words), sorted(words, key=str.lower), list(map(len, words)))
print(max(words, key=len), "".join(reversed("stressed")))
