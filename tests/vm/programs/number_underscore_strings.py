# int() and float() of strings: underscores only between digits (one may follow a base prefix)
for s in ['1_0', '0x_f', '0X_F', '0b_1', '0o_7', '0x__f', '1__0', '_1', '1_', '1.5_0', '1_0.5', '1e1_0', '1_.5', '1._5', '0b1_1', ' 1_0 ']:
    for name, f in (('int0', lambda s: int(s, 0)), ('int16', lambda s: int(s, 16)), ('int', int), ('float', float)):
        try:
            r = f(s)
        except ValueError as e:
            r = 'ValueError: ' + str(e)
        print(repr(s), name, r)
