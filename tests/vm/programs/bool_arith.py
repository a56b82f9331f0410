print(True + True, True * 10, False - 1, sum([True, False, True]), True == 1, str(True), int(False))
print(isinstance(True, int), bool("False"), bool(0.0), bool(None), bool([0]), True & False, True | False, True ^ True)
