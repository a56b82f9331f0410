for ch in "héllo":
    print(ch, ord(ch))
print(list(enumerate("ab")), "".join(c * 2 for c in "abc"))
