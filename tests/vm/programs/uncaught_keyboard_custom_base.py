class Fatal(BaseException):
    pass
raise Fatal("stop")
