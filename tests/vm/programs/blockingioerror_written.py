# BlockingIOError(errno, strerror, characters_written): the third argument is a count, kept in
# args; OSError's third argument None is no file name, and the args keep it
e = BlockingIOError(11, "x", 5)
print(e.characters_written, e.args, e.errno, e.strerror, e.filename, str(e))
e.characters_written = 3
print(e.characters_written)
try:
    print(BlockingIOError(11, "x").characters_written)
except AttributeError:
    print("AttributeError")
del e.characters_written
try:
    e.characters_written
except AttributeError:
    print("AttributeError")
f = BlockingIOError(11, "x", "name")
print(f.filename, f.args, hasattr(f, "characters_written"))
print(OSError(2, "x", None).args, OSError(2, "x", None, None, "b").args, OSError(2, "x", "a").args)
print(OSError(2, "x", "a", None, "b").filename2, str(OSError(2, "x", None)))
