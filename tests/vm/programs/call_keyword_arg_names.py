# A keyword (await, async, if, lambda, yield) cannot name a keyword argument; True, False and
# None are "cannot assign to" errors.
for s in ['print(await=1)', 'f(async=1)', 'f(x, await=1)', 'f(True=1)', 'f(None=1)', 'f(False=2)',
          'f(if=1)', 'f(lambda=1)', 'f(yield=1)', 'f(a=1)', 'f(a=1, b=2)', 'f(awaits=1)']:
    try:
        compile(s, 's', 'exec')
        print('compiled', s)
    except SyntaxError as e:
        print(s, e.msg, e.offset)
