for s in ['print {1:foo}','print foo','print -1','print "a"','print {1:(foo.)}','exec foo bar','print foo, bar','print *a','if 1:\n    exec {1:foo}', 'print (foo.)', 'print {1:foo']:
    try:
        compile(s, 's', 'exec'); print(repr(s), 'OK')
    except SyntaxError as e:
        print(repr(s), e.msg, e.lineno, e.offset)
