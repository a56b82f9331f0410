d = {}
print(d["missing"])
