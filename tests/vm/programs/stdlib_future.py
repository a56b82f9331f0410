# __future__ and colorsys, pure-Python modules of the standard library
from __future__ import annotations
import __future__
import colorsys
print(__future__.all_feature_names[:3], __future__.annotations.mandatory)
print(__future__.division.getOptionalRelease(), __future__.generator_stop.getMandatoryRelease())
def f(x: undefined_name) -> also_undefined:
    return x
print(f(2))
print(colorsys.rgb_to_hsv(0.2, 0.4, 0.4), colorsys.hls_to_rgb(0.5, 0.5, 0.5))
print([round(c, 6) for c in colorsys.rgb_to_yiq(1.0, 0.5, 0.0)])
