n = 1
z = None
for expr in ["1 + 'a'", "'a' * 'b'", "len(5)", "z()", "[] < 1", "{}[[]]", "n[0]"]:
    try:
        eval(expr)
    except TypeError as e:
        print(e)
