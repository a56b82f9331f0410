print(round(0.5), round(1.5), round(2.675, 2), round(-0.5), round(10.0), round(1234, -2), round(1250, -2), round(3.14159, 3))
