text = "line one\nline two\r\nline three"
print(text.splitlines(), text.splitlines(True))
print("k=v=w".partition("="), "k=v=w".rpartition("="), "nope".partition("="))
