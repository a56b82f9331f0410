# BaseException.add_note (PEP 678): notes gather in the list __notes__, made on the first one;
# the report of an uncaught exception prints them after its message.
for e in [BaseException(1), Exception(2), ValueError(3)]:
    print(hasattr(e, "__notes__"))
    e.add_note("My Note")
    print(e.__notes__)
    try:
        e.add_note(42)
    except TypeError as err:
        print(err)
    e.add_note("Your Note")
    print(e.__notes__)
    del e.__notes__
    print(hasattr(e, "__notes__"))
    e.add_note("Our Note")
    print(e.__notes__)
    e.__notes__ = 42
    try:
        e.add_note("will not work")
    except TypeError as err:
        print(err, e.__notes__)

try:
    try:
        raise KeyError("k")
    except KeyError as err:
        err.add_note("while looking up k")
        raise
except KeyError as err:
    print(err.__notes__)

err = RuntimeError("final")
err.add_note("first note")
err.add_note("second\nline")
raise err
