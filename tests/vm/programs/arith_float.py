print(0.1+0.2, 1.5*2, 3.0/2, 2.5//1, 7.5%2, -7.5%2, 1e-5, 1e16, 123456789.123)
print(float('inf'), float('-inf'), float('nan'), round(2.5), round(3.5), round(-2.5), round(1.2345, 2))
print(int(3.9), int(-3.9), float(7), 3 == 3.0, 1/3*3, 2.0**0.5)
