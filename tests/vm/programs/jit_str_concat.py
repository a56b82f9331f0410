# str + str in loops (the JIT calls concatenation itself for exact strs) next to what must
# still take the generic operator: str subclasses with their own __add__/__radd__, str + non-str
# errors, empty strs, non-ASCII text, and values changing type part way through a loop.


class Loud(str):
    def __add__(self, o):
        return Loud(str.__add__(self.upper(), o))

    def __radd__(self, o):
        return "<" + o + "|" + str(self) + ">"


class Quiet(str):
    pass


def pairs(words):
    out = []
    for a, b in zip(words, words[1:]):
        key = a + " " + b
        out.append(key)
    return out


def mixed(n):
    r = []
    for i in range(n):
        s = "x" if i % 3 else Loud("ab")
        t = Quiet("q") if i % 2 else "é"
        r.append(s + t)
        r.append(t + s)
        r.append(("" + s) + "")
        r.append(type(t + t).__name__)
    return r


def changing(n):
    r = []
    for i in range(n):
        a = "n" if i < 6 else i
        b = "m" if i < 8 else i
        try:
            r.append(a + b)
        except TypeError as e:
            r.append(str(e))
    return r


def accumulate(n):
    s = ""
    for i in range(n):
        s = s + chr(97 + i % 26)
        if i % 7 == 0:
            s = s + "€"
    return s, len(s)


words = ["kalo", "mine", "ru", "ßa", "tovi", "", "ze", "quapre"] * 3
print(pairs(words))
print(mixed(8))
print(changing(10))
print(accumulate(60))
