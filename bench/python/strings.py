# Strings: generate a deterministic pseudo-random text, count words and
# bigrams with dicts, build reports with f-strings/join/format, and run a few
# str methods (split, replace, upper, startswith, find, slicing) over it.

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "qua", "pre", "dor",
             "an", "el", "ith", "om", "ur", "stra", "bel", "gon"]


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def next(self, n):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.state >> 8) % n


def make_words(rng, count):
    vocab = []
    seen = set()
    while len(vocab) < count:
        w = "".join(SYLLABLES[rng.next(len(SYLLABLES))] for _ in range(1 + rng.next(3)))
        if w not in seen:
            seen.add(w)
            vocab.append(w)
    return vocab


def make_text(rng, vocab, n_words):
    parts = []
    for i in range(n_words):
        # skewed choice: small indices are much more frequent
        a = rng.next(len(vocab))
        b = rng.next(len(vocab))
        w = vocab[a if a < b else b]
        if i % 17 == 0:
            w = w.capitalize()
        parts.append(w)
        parts.append(". " if i % 13 == 12 else " ")
    return "".join(parts)


def word_counts(text):
    counts = {}
    for sentence in text.split(". "):
        for w in sentence.split():
            w = w.lower()
            counts[w] = counts.get(w, 0) + 1
    return counts


def bigram_counts(text):
    counts = {}
    words = text.replace(".", "").lower().split()
    for a, b in zip(words, words[1:]):
        key = a + " " + b
        if key in counts:
            counts[key] += 1
        else:
            counts[key] = 1
    return counts


def report(counts, top):
    items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    width = max(len(w) for w, _ in items)
    lines = [f"{w:<{width}} {c:>6} {'#' * (c * 40 // items[0][1])}" for w, c in items]
    return "\n".join(lines)


def transform(text):
    out = []
    for sentence in text.split(". "):
        if not sentence:
            continue
        words = sentence.split(" ")
        first = words[0]
        if first[:1].isupper():
            out.append(first.upper() + "!" + " ".join(reversed(words[1:])))
        elif first.startswith("ka") or first.endswith("on"):
            out.append(sentence.replace("a", "4").replace("e", "3"))
        else:
            out.append("-".join(w[::-1] for w in words if w.find("o") < 0))
    return out


def main():
    rng = Lcg(42)
    vocab = make_words(rng, 600)
    total = 0
    hashes = []
    for rnd in range(10):
        text = make_text(rng, vocab, 40000)
        wc = word_counts(text)
        bc = bigram_counts(text)
        tr = transform(text)
        h = 0
        for s in tr:
            for ch in s[:8]:
                h = (h * 131 + ord(ch)) & 0xFFFFFF
        total += len(text) + len(wc) + len(bc) + sum(len(s) for s in tr)
        hashes.append(f"{h:06x}")
    print(report(wc, 5))
    print(f"strings: total={total} hashes={','.join(hashes[:3])}...{hashes[-1]}")


main()
