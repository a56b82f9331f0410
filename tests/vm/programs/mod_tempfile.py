import os
import tempfile

d = tempfile.mkdtemp(prefix="pyvm-test-")
print(os.path.isdir(d), os.path.basename(d).startswith("pyvm-test-"))
fd, path = tempfile.mkstemp(suffix=".txt", dir=d)
os.write(fd, b"hello")
os.close(fd)
with open(path, "rb") as f:
    print(f.read(), path.endswith(".txt"), os.path.dirname(path) == d)
os.unlink(path)

with tempfile.TemporaryFile(dir=d) as f:
    f.write(b"temporary")
    f.seek(0)
    print(f.read())

with tempfile.NamedTemporaryFile("w+", suffix=".log", dir=d, delete=True) as f:
    f.write("named")
    f.flush()
    name = f.name
    print(os.path.exists(name), name.endswith(".log"))
print(os.path.exists(name))

with tempfile.TemporaryDirectory(dir=d) as sub:
    with open(os.path.join(sub, "inner"), "w") as g:
        g.write("x")
    print(sorted(os.listdir(sub)))
print(os.path.exists(sub))

with tempfile.SpooledTemporaryFile(max_size=10, mode="w+") as s:
    s.write("small")
    print(s._rolled)
    s.write(" and now bigger than ten")
    print(s._rolled)
    s.seek(0)
    print(s.read())

names = set(tempfile._get_candidate_names().__next__() for _ in range(5))
print(len(names) >= 1, all(len(n) == 8 for n in names))
print(tempfile.gettempdir() == tempfile.gettempdir(), type(tempfile.gettempprefix()))
os.rmdir(d)
print(os.path.exists(d))
