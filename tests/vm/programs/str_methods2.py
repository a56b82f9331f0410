s = "  a-b-c  "
print(s.lstrip(), s.rstrip() + "|", s.strip().split("-", 1), "a-b-c".rsplit("-", 1), "abc".partition("b"), "x.y.z".rpartition("."))
print("Hello".ljust(8, ".") + "|", "Hello".rjust(8) + "|", "hello world".capitalize(), "AbC".swapcase(), "ab\ncd\n".splitlines())
print("abc".encode(), b"hi".decode(), "tEST".lower(), "a1".isalnum(), " ".isspace(), "x".join("abc"), "aaa".replace("a", "b", 2))
print("abcabc".rfind("b"), "abc".index("c"), "prefix_x".removeprefix("prefix_"), "%r %s %%" % ("a", 1), "%05.1f" % 2.345)
