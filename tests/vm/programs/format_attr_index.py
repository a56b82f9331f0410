class P:
    x = 5
print("{0.x} {1[2]} {2[k]}".format(P(), [0, 1, 2], {"k": "v"}), "{:*<6}{:->6}".format("a", "b"))
