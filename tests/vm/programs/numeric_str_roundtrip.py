for v in [0.1, 1/3, 2.5e-8, 1e100, 123456789.0, -0.0001, 5e-324, 1.7976931348623157e308]:
    assert float(repr(v)) == v
    print(repr(v))
