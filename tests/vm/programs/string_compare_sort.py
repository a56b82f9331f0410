print(sorted(["banana", "Apple", "cherry", "apple"]), "a" < "B", "Z" < "a", min("hello"), sorted("hello"))
