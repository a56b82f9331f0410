print(sep="a", sep="b")
