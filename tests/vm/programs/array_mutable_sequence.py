import array, collections.abc
print(isinstance(array.array('B'), collections.abc.MutableSequence), issubclass(array.array, collections.abc.Sequence))
print(sorted(k for k in vars(array) if not k.startswith('__')))
