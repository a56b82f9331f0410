text = """the cat sat on the mat the end
a cat is not a dog"""
freq = {}
for line in text.splitlines():
    for w in line.split():
        freq[w] = freq.get(w, 0) + 1
for w, c in sorted(freq.items(), key=lambda x: (-x[1], x[0])):
    print(f"{w:>5}: {'#' * c}")
