# Searches for patterns led by a repeated one-character item, where _sre passes over the rest of
# a run of characters the item matches once a start in that run has failed: the same matches as
# CPython for greedy, lazy and possessive repeats, bounded ones (which must not skip), tails that
# look around or refer to groups, runs that overlap matches, matches at the end and empty ones.
import re

# each lead with each tail, over subjects made of few characters so that runs are long and
# starts inside them would matter
leads = [
    "a+", "a*", "[ab]+", "[^c ]+", "a+?", "a*?", "a++", "a*+", "a{2,}", "a{2,}?", "a{1,2}", "a{0,3}",
    "\\w+", ".+", "[a-b]{1,}", "[^\\W\\d]+", "(?i:A+)", "\\S+?",
]
tails = [
    "", "b", "ab", "c", "\\b", "$", "\\Z", "(?=b)", "(?!a)", "b?c", "(b|c)", "a", "(?<=a)b", "a{2}",
    "(b)\\1", "(?<!a)b", "b+", ".", "\\n",
]
subjects = [
    "", "a", "b", "aaaa", "aaab", "aaaab aab", "abababc", "baaac ab", "aaaa\naab\nb", "cab aabb abc",
    "bbbaaa", "a a  aa", "aaaaaaaaab",
]
for lead in leads:
    for tail in tails:
        rx = re.compile(lead + tail)
        for s in subjects:
            spans = [m.span() for m in rx.finditer(s)]
            starts = [(rx.search(s, i) or None) and rx.search(s, i).span() for i in range(len(s) + 1)]
            print(repr(lead + tail), repr(s), spans, starts)

# flags: IGNORECASE, MULTILINE, DOTALL, ASCII
for p, fl in [
    ("[a-z]+ing\\b", re.IGNORECASE),
    ("[A-Z]+\\.", re.IGNORECASE),
    ("\\w+$", re.MULTILINE),
    (".+x", re.DOTALL),
    (".+x", 0),
    ("\\w+\\d", re.ASCII),
    ("[^x]+?y", re.IGNORECASE),
]:
    rx = re.compile(p, fl)
    for s in ["Running SING string thing.", "ab.CD.ef", "one\ntwo2\nthree", "aa\nbbx ccx", "abc1 23 x4y5", "XXyxY xy"]:
        print(repr(p), fl, repr(s), rx.findall(s), [m.span() for m in rx.finditer(s)])

# what the benchmark does: words ending in -ing and decimal numbers in a long text
words = ["running", "the", "King", "sing", "ring-road", "data", "3.14", "bringing", "x42", "ingot", "thing.", "10.5kg", "1.2.3.4", "string"]
seed = 7
parts = []
for _ in range(600):
    seed = (seed * 1103515245 + 12345) % 2147483648
    parts.append(words[seed % len(words)])
text = " ".join(parts) + "ing"
for p in ["[A-Za-z]+ing\\b", "\\d+\\.\\d+", "[a-z]+?ing", "\\w+ing", "\\d*\\.\\d"]:
    rx = re.compile(p)
    found = rx.findall(text)
    print(p, len(found), found[:8], found[-3:], rx.subn("<>", text)[1], rx.sub("#", text)[-40:])
    print("  from", [(rx.search(text, i) or None) and rx.search(text, i).span() for i in range(0, 120, 7)])
    print("  upto", [(rx.search(text, 0, j) or None) and rx.search(text, 0, j).span() for j in range(0, 60, 3)])

# sub with a function, a template and a count; bytes subjects
rx = re.compile("a+b")
print(rx.sub(lambda m: str(len(m.group())), "aab xaaab ab b"), rx.sub("[\\g<0>]", "aab xaaab", 1), rx.subn("", "aaaab" * 3))
print(re.findall(rb"[a-z]+ing\b", b"sing a\xffsong bring\x00ing"), re.sub(rb"\d+\.", b"N", b"1.2.33.x4."))
print(re.split("a+(?=b)", "caabaaacab"), re.split("[^ab]*", "xaby"))

# sub's pieces are joined once, after every replacement: a callable runs for each match before a
# result that is not a str fails the join (its index among the pieces in the message)
calls = []
def odd(m):
    calls.append(m.group())
    return 1 if m.group() == "aab" else m.group().upper()
for s in ["xaab ab aaab", "aab", "ab aab"]:
    calls.clear()
    try:
        print(re.sub("a+b", odd, s))
    except TypeError as e:
        print("TypeError", e, calls)
class S(str):
    pass
print(re.sub("a+", lambda m: S("<" + m.group() + ">"), "baac a"), re.subn("x*", "-", "abxc"), re.sub("\U0001F600+", "E", "a\U0001F600\U0001F600b\U0001F600"))
try:
    re.sub(b"a+", lambda m: "s", b"xaay")
except TypeError as e:
    print("TypeError", e)
