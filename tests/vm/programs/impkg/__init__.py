NAME = 'impkg'
from . import sub
