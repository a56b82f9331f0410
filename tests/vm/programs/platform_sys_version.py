# platform parses sys.version ('version (build) [compiler]'); wsgiref.simple_server does so when
# imported (asyncio's test utilities import it).
import platform
import sys

print(platform.python_version().startswith('3.11.'), platform.python_version_tuple()[:2])
print(platform.python_implementation() in ('CPython', 'PyPy'), sys.version.startswith(platform.python_version()))
from wsgiref import simple_server

print(simple_server.sys_version.split('/')[1] == sys.version.split()[0], simple_server.software_version.startswith('WSGIServer/'))
