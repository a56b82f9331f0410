s = "héllo wörld 日本"
print(len(s), s.upper(), s[1], s[-2:], s.encode("utf-8")[:3], list(s[:3]))
e = "emoji 😀!"
print(len(e), e[6], e[-1], ord(e[6]), chr(128512) == e[6], e[::-1])
