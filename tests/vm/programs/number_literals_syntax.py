# numeric literals: underscores only between digits, CPython's messages for malformed literals
print(1_000, 0x_ff, 0b_1010, 0o_17, 1_0.5_0, 1e1_0, 1_0j, .5_5, 0_0, 0xdead_beef)
print(1.e3, 1_2.3_4e-5_6)
for lit in ['0_', '42_', '0x_', '0b1_', '0xf_', '0o5_', '4_______2', '0.1__4', '0.1__4j',
            '0b1001__0100', '0xffff__ffff', '0x___', '0o5__77', '1e1__0', '1e1__0j',
            '1_.4', '1_.4j', '1._4', '1._4j', '1.4_j', '1.4e5_j', '1_e1', '1.4_e1',
            '1.4_e1j', '(1+1.5_j)', '0b12', '0b1_2', '0b2', '0b', '0o18', '0o1_8', '0o8',
            '0o', '0x', '1_', '012', '1.2_', '1e2_', '1e+', '0xfspam', '1spam', '1.0jx', '0_7']:
    try:
        eval(lit)
        print(lit, 'accepted')
    except SyntaxError as e:
        print(lit, e.msg)
