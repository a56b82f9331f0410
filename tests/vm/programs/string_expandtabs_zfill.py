print("a\tb\tc".expandtabs(4), "-42".zfill(6), "+7".zfill(4), "abc".zfill(2))
