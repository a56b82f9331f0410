from .. import NAME
from ..other import G

def f():
    return NAME + ':' + str(G * 2)

rel_value = __name__ + ' in ' + __package__
