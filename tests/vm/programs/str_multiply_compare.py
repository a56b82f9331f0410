print("ab" * 3, 3 * "x", "a" * 0, "abc" == "abc", "abc" != "abd", "b" > "a", "abc" in "xabcx", "" in "a")
