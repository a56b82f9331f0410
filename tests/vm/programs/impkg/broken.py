STARTED = True
raise ValueError('broken on purpose')
