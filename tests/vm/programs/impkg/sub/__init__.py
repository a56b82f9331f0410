from .helper import f
VALUE = 3
