s = "abc"
s.no_such_method()
