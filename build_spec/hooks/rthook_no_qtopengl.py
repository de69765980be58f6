"""Runtime hook of the lean bundle (build_spec/sagstal.spec): a stand-in for ``PySide6.QtOpenGL``.

pyqtgraph imports ``PySide6.QtOpenGL`` when it is imported, for its OpenGL drawing, which the
program never turns on (it draws the trend chart with QPainter). The real module is 8.7 MB of
bindings, so the bundle leaves it out and registers this empty module under its name before
anything is imported; any use of a name from it raises AttributeError saying why.
"""

import sys
import types


class _NotInThisBuild(types.ModuleType):
    def __getattr__(self, name):
        raise AttributeError(f"PySide6.QtOpenGL.{name}: this build of Sagstal draws without OpenGL")


sys.modules.setdefault("PySide6.QtOpenGL", _NotInThisBuild("PySide6.QtOpenGL"))
