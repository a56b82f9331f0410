s = "Hello, World"
print(s.upper(), s.lower(), s[0], s[-1], s[2:5], s[::-1], len(s))
print(s.split(", "), "-".join(["a","b","c"]), s.replace("l", "L"), s.find("World"), s.count("l"))
print(s.startswith("Hell"), s.endswith("x"), "  pad  ".strip(), "x".center(5, "*"), "42".zfill(5))
print("a b  c".split(), "a,b,,c".split(","), "abc".title(), "ABC".isupper(), "12".isdigit())
print(repr("it's"), repr('say "hi"'), repr("tab\t"), "%s=%d" % ("x", 5), "%5.2f|%-4d|%x" % (3.14159, 7, 255))
