# The _sre searches that skip places where a pattern's leading repeated item cannot match, and
# the character-set tables (characters below 256 by table, the others through the set): the
# same matches, spans and failures as CPython, near the ends of the subject and of pos/endpos.
import re

subjects = [
    "",
    "x",
    "running the King sing ring-road 3.14 bringing x42 ingot thing. 10.5kg string and",
    "  12  3.5 .7 8. 9.99\n42",
    "caf\u00e9 na\u00efve \u00c9t\u00e9 \u0101\u0100 \u03b1\u03b2\u03b3 \U0001F600\U0001F600ab",
    "aaa\u0100bbb\u00ffccc",
    "ingingin g ing",
]
patterns = [
    r"[A-Za-z]+ing\b",
    r"\d+\.\d+",
    r"\d+",
    r"\w+",
    r"[^\W\d]+",
    r"[a-z\u0100-\u017f]+",
    r"[^a-c ]+",
    r"[\u00e0-\u00ff]+",
    r"a+",
    r"a+?b",
    r"[ab]+?c",
    r"\s+",
    r"\S+\s",
    r".+",
    r"[0-9]++\.",
    r"[a-z]*ing",
    r"[A-Z]+",
    r"\U0001F600+a",
    r"[\U0001F600x]+",
]
flags = [0, re.IGNORECASE, re.ASCII, re.DOTALL]

for p in patterns:
    for fl in flags:
        try:
            rx = re.compile(p, fl)
        except re.error as e:
            print("error", p, e)
            continue
        for s in subjects:
            print(repr(p), fl, repr(s[:12]), rx.findall(s), [m.span() for m in rx.finditer(s)])
            print("  search", [(rx.search(s, i) or None) and rx.search(s, i).span() for i in range(0, len(s) + 2, 3)])
            print("  endpos", [(rx.search(s, 0, j) or None) and rx.search(s, 0, j).span() for j in range(0, len(s) + 2, 4)])
            print("  sub", rx.subn("<>", s))

# bytes subjects: every character is below 256
for p in [rb"[A-Za-z]+ing\b", rb"\d+\.\d+", rb"[^ ]+", rb"[\x80-\xff]+"]:
    rx = re.compile(p)
    for s in [b"", b"sing 1.5 \xe9\xff ring", b"\x00\x80\xffing 22.0"]:
        print(p, s, rx.findall(s), rx.subn(b"-", s))

# the same pattern object again (its tables are kept), and a pattern used once
rx = re.compile(r"[a-z]+ing")
for s in ["sing", "bring me", "ING ing zing"]:
    print(rx.findall(s), re.findall(r"[a-z]+ing", s))
