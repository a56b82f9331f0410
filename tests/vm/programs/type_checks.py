print(type(1) is int, type(1.5) is float, type("s") is str, type([]) is list, type({}) is dict, type(()) is tuple, type(set()) is set, type(None).__name__, type(type).__name__, type(len).__name__)
