s = "banana"
print(s.count("an"), s.count("a", 2), s.find("na", 3), s.rfind("na"), s.find("x"), s.index("b"), s[s.find("n"):])
print("".join([]), "abc".split("abc"), "aXbXc".split("X", 1), "".split(), " a ".split(" "))
