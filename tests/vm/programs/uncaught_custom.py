class AppError(Exception):
    pass
raise AppError("something failed")
