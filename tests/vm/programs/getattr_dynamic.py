class Config:
    def __init__(self):
        self.debug = True
    def __getattr__(self, name):
        return "default_" + name
c = Config()
print(c.debug, c.missing, getattr(c, "other"))
