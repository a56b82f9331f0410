import csv
import io

rows = [["name", "age", "note"], ["Ann", 31, 'says "hi"'], ["Bob", 4.5, "a,b"], ["Cy", None, "two\nlines"],
        ["", "", ""], [" lead", "trail ", "x\r\ny"]]
for quoting in [csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC]:
    out = io.StringIO()
    w = csv.writer(out, quoting=quoting)
    w.writerows(rows)
    text = out.getvalue()
    print(repr(text))
    back = list(csv.reader(io.StringIO(text, newline=""), quoting=csv.QUOTE_NONNUMERIC if quoting == csv.QUOTE_NONNUMERIC and False else csv.QUOTE_MINIMAL))
    print(back)

out = io.StringIO()
w = csv.writer(out, delimiter=";", quotechar="'", lineterminator="\n", escapechar="\\", doublequote=False)
w.writerow(["it's", "semi;colon", "back\\slash", 1])
w.writerow([""])
w.writerow([])
print(repr(out.getvalue()))
print(list(csv.reader(io.StringIO(out.getvalue()), delimiter=";", quotechar="'", escapechar="\\", doublequote=False)))

out = io.StringIO()
w = csv.writer(out, quoting=csv.QUOTE_NONE, escapechar="$")
w.writerow(["a,b", 'q"q', "$"])
print(repr(out.getvalue()))
try:
    csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(["a,b"])
except csv.Error as e:
    print("Error", e)
try:
    csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow([""])
except csv.Error as e:
    print("Error", e)

data = 'a, "b,c" ,d\n1,"2\n3",4\n\n"x""y",,z\n'
r = csv.reader(io.StringIO(data))
for row in r:
    print(r.line_num, row)
print(list(csv.reader(["a,  b,   c"], skipinitialspace=True)))
print(list(csv.reader(['1,2.5,"x"'], quoting=csv.QUOTE_NONNUMERIC)))
print(list(csv.reader(["a\tb\tc"], dialect="excel-tab")), list(csv.reader(["a b"], delimiter=" ")))
try:
    list(csv.reader(['"a"b,c'], strict=True))
except csv.Error as e:
    print("Error", e)
print(list(csv.reader(['"a"b,c'])))
try:
    list(csv.reader(['"unterminated'], strict=True))
except csv.Error as e:
    print("Error", e)
print(list(csv.reader(['"unterminated'])))
try:
    list(csv.reader(["a\rb,c"]))
except csv.Error as e:
    print("Error", e)
try:
    list(csv.reader([b"bytes"]))
except csv.Error as e:
    print("Error", e)
try:
    list(csv.reader(["1,x"], quoting=csv.QUOTE_NONNUMERIC))
except ValueError as e:
    print("ValueError", e)

# DictReader / DictWriter
src = io.StringIO("id,name,score\n1,ann,9.5\n2,bob,7\n3,cy\n")
for rec in csv.DictReader(src, restval="?"):
    print(rec)
out = io.StringIO()
dw = csv.DictWriter(out, fieldnames=["id", "name"], extrasaction="ignore")
dw.writeheader()
dw.writerow({"id": 1, "name": "ann", "extra": 0})
dw.writerows([{"id": 2}, {"name": "only name"}])
print(repr(out.getvalue()))
try:
    csv.DictWriter(io.StringIO(), fieldnames=["a"]).writerow({"b": 1})
except ValueError as e:
    print("ValueError", e)

# dialects: registry, classes, validation
csv.register_dialect("pipes", delimiter="|", quoting=csv.QUOTE_ALL)
d = csv.get_dialect("pipes")
print(d.delimiter, d.quoting, d.quotechar, d.escapechar, repr(d.lineterminator), d.doublequote, d.skipinitialspace, d.strict)
print(sorted(csv.list_dialects()))
out = io.StringIO()
csv.writer(out, "pipes").writerow([1, "a|b"])
print(repr(out.getvalue()))
csv.unregister_dialect("pipes")
for bad in [lambda: csv.get_dialect("pipes"), lambda: csv.unregister_dialect("nope"),
            lambda: csv.reader([], delimiter="::"), lambda: csv.reader([], delimiter=None),
            lambda: csv.reader([], quoting=7), lambda: csv.reader([], quotechar=None, quoting=csv.QUOTE_ALL),
            lambda: csv.reader([], lineterminator=5), lambda: csv.reader([], bogus=1),
            lambda: csv.register_dialect(5), lambda: csv.writer(5), lambda: csv.writer(io.StringIO()).writerow(5)]:
    try:
        bad()
    except (csv.Error, TypeError) as e:
        print(type(e).__name__, e)


class semi(csv.excel):
    delimiter = ";"


csv.register_dialect("semi", semi)
print(list(csv.reader(["a;b"], "semi")), csv.get_dialect("semi").delimiter)
try:
    class broken(csv.Dialect):
        delimiter = ","
        quotechar = '"'
        lineterminator = "\n"
        quoting = 9
    broken()
except csv.Error as e:
    print("Error", e)

old = csv.field_size_limit()
print(old, csv.field_size_limit(10), csv.field_size_limit())
try:
    list(csv.reader(["x" * 11]))
except csv.Error as e:
    print("Error", e)
csv.field_size_limit(old)

