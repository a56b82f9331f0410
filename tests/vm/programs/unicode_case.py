for s in ["héllo wörld", "ÀÉÎÕÜ", "straße", "Ελληνικά", "Привет Мир", "ÿ", "çava", "Łódź"]:
    print(s.upper(), s.lower(), s.title(), s.swapcase(), s.capitalize(), s.isupper(), s.islower(), s.isalpha())
