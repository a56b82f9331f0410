// The OS-level builtin modules CPython writes in C, as app-level Python over the one OS-call
// primitive (`_call`, vm/modules/oscall.ts): _posixsubprocess (fork_exec, for subprocess.py),
// _socket (the socket type and name functions under socket.py; names resolve from numeric
// addresses and /etc/hosts, never DNS) and select (select, poll, epoll, for selectors.py and
// asyncio). The constants are Linux's, as the C side expects them.
import { PyModule } from '../objects/core.ts';
import { newBuiltinModule } from './registry.ts';
import { runAppLevel } from './applevel.ts';
import { addAppCall, appOpsSource } from './oscall.ts';

const POSIXSUBPROCESS_SOURCE = String.raw`
def _fsencode(x):
    if isinstance(x, bytes):
        b = x
    elif isinstance(x, str):
        import os
        b = os.fsencode(x)
    else:
        import os
        b = os.fsencode(os.fspath(x))
    if b'\0' in b:
        raise ValueError('embedded null byte')
    return b


def fork_exec(process_args, executable_list, close_fds, pass_fds, cwd, env,
              p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite,
              errpipe_read, errpipe_write, restore_signals, call_setsid, pgid_to_set,
              gid, extra_groups, uid, child_umask, preexec_fn, allow_vfork=False, /):
    if close_fds and errpipe_write < 3:
        raise ValueError('errpipe_write must be >= 3')
    if not isinstance(pass_fds, tuple):
        raise TypeError('fds_to_keep must be a tuple')
    prev = -1
    for fd in pass_fds:
        if not isinstance(fd, int) or fd < 0 or fd <= prev:
            raise ValueError('bad value(s) in fds_to_keep')
        prev = fd
    if preexec_fn is not None:
        raise RuntimeError('pyvm cannot run preexec_fn in the child process')
    if gid is not None or uid is not None or extra_groups is not None:
        raise PermissionError(1, 'Operation not permitted')
    argv = [] if process_args is None else [_fsencode(a) for a in process_args]
    execs = [_fsencode(e) for e in executable_list]
    envs = None if env is None else [_fsencode(e) for e in env]
    parts = execs + argv + ([] if envs is None else envs)
    if cwd is not None:
        parts.append(_fsencode(cwd))
    data = b''.join(p + b'\0' for p in parts)
    ints = [1 if close_fds else 0, p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite,
            errpipe_read, errpipe_write, 1 if restore_signals else 0, 1 if call_setsid else 0,
            pgid_to_set, child_umask, len(execs), len(argv), -1 if envs is None else len(envs),
            0 if cwd is None else 1, len(pass_fds)]
    ints.extend(pass_fds)
    return _call(_OP_FORK_EXEC, ints, data)[0]
`;

const SELECT_SOURCE = String.raw`
error = OSError
PIPE_BUF = 4096
POLLIN = 1
POLLPRI = 2
POLLOUT = 4
POLLERR = 8
POLLHUP = 16
POLLNVAL = 32
POLLRDNORM = 64
POLLRDBAND = 128
POLLWRNORM = 256
POLLWRBAND = 512
POLLMSG = 1024
POLLRDHUP = 0x2000


def _fileno(o):
    if isinstance(o, int):
        fd = o
    else:
        try:
            meth = o.fileno
        except AttributeError:
            raise TypeError('argument must be an int, or have a fileno() method.') from None
        fd = meth()
        if not isinstance(fd, int):
            raise TypeError('fileno() returned a non-integer')
    if fd < 0:
        raise ValueError('file descriptor cannot be a negative integer (%d)' % fd)
    return int(fd)


def _seconds(timeout, what):
    if timeout is None:
        return None
    if not isinstance(timeout, (int, float)):
        try:
            timeout = float(timeout)
        except (TypeError, ValueError):
            raise TypeError(what) from None
    return timeout


def select(rlist, wlist, xlist, timeout=None, /):
    timeout = _seconds(timeout, 'timeout must be a float or None')
    us = -1
    if timeout is not None:
        if timeout < 0:
            raise ValueError('timeout must be non-negative')
        us = int(-(-timeout * 1000000 // 1))
    lists = []
    for seq in (rlist, wlist, xlist):
        try:
            items = list(seq)
        except TypeError:
            raise TypeError('arguments 1-3 must be sequences') from None
        lists.append([(_fileno(o), o) for o in items])
    ints = [len(lists[0]), len(lists[1]), len(lists[2]), us]
    for l in lists:
        ints.extend(fd for fd, _ in l)
    r = _call(_OP_SELECT, ints)
    ready = set()
    at = 3
    out = []
    for k in range(3):
        fds = set(r[at:at + r[k]])
        at += r[k]
        out.append([o for fd, o in lists[k] if fd in fds])
    return out[0], out[1], out[2]


class poll:
    def __init__(self):
        self._fds = {}

    def register(self, fd, eventmask=POLLIN | POLLPRI | POLLOUT, /):
        fd = _fileno(fd)
        if not 0 <= eventmask <= 0xffff:
            raise OverflowError('Python int too large for C unsigned short')
        self._fds[fd] = eventmask

    def modify(self, fd, eventmask, /):
        fd = _fileno(fd)
        if fd not in self._fds:
            raise FileNotFoundError(2, 'No such file or directory')
        if not 0 <= eventmask <= 0xffff:
            raise OverflowError('Python int too large for C unsigned short')
        self._fds[fd] = eventmask

    def unregister(self, fd, /):
        fd = _fileno(fd)
        del self._fds[fd]

    def poll(self, timeout=None, /):
        ms = -1
        if timeout is not None:
            timeout = _seconds(timeout, 'timeout must be an integer or None')
            ms = int(-(-timeout // 1))
            if ms < 0:
                ms = -1
        ints = [ms]
        for fd, ev in self._fds.items():
            ints.append(fd)
            ints.append(ev)
        r = _call(_OP_POLL, ints)
        return [(r[i], r[i + 1]) for i in range(0, len(r), 2)]


if _call(_OP_HAVE_EPOLL, ())[0]:
    EPOLLIN = 1
    EPOLLPRI = 2
    EPOLLOUT = 4
    EPOLLERR = 8
    EPOLLHUP = 16
    EPOLLRDNORM = 64
    EPOLLRDBAND = 128
    EPOLLWRNORM = 256
    EPOLLWRBAND = 512
    EPOLLMSG = 1024
    EPOLLRDHUP = 0x2000
    EPOLLEXCLUSIVE = 1 << 28
    EPOLLONESHOT = 1 << 30
    EPOLLET = 1 << 31
    EPOLL_CLOEXEC = 0o2000000

    class epoll:
        def __init__(self, sizehint=-1, flags=0):
            if sizehint == 0 or sizehint < -1:
                raise ValueError('negative sizehint')
            self._epfd = _call(_OP_EPOLL_CREATE, ())[0]

        @classmethod
        def fromfd(cls, fd, /):
            self = cls.__new__(cls)
            self._epfd = fd
            return self

        def _check(self):
            if self._epfd < 0:
                raise ValueError('I/O operation on closed epoll object')

        @property
        def closed(self):
            return self._epfd < 0

        def close(self):
            if self._epfd >= 0:
                fd, self._epfd = self._epfd, -1
                import posix
                posix.close(fd)

        def fileno(self):
            self._check()
            return self._epfd

        def register(self, fd, eventmask=EPOLLIN | EPOLLPRI | EPOLLOUT):
            self._check()
            _call(_OP_EPOLL_CTL, (self._epfd, 1, _fileno(fd), eventmask))

        def modify(self, fd, eventmask):
            self._check()
            _call(_OP_EPOLL_CTL, (self._epfd, 3, _fileno(fd), eventmask))

        def unregister(self, fd):
            self._check()
            _call(_OP_EPOLL_CTL, (self._epfd, 2, _fileno(fd), 0))

        def poll(self, timeout=None, maxevents=-1):
            self._check()
            ms = -1
            if timeout is not None:
                timeout = _seconds(timeout, 'timeout must be an integer or None')
                if timeout >= 0:
                    ms = int(-(-timeout * 1000 // 1))
            if maxevents == -1:
                maxevents = 1023
            elif maxevents < 1:
                raise ValueError('maxevents must be greater than 0, got %d' % maxevents)
            r = _call(_OP_EPOLL_WAIT, (self._epfd, ms, maxevents))
            return [(r[i], r[i + 1]) for i in range(0, len(r), 2)]

        def __enter__(self):
            self._check()
            return self

        def __exit__(self, *args):
            self.close()
`;

const SOCKET_SOURCE = String.raw`
import time as _time

AF_UNSPEC = 0
AF_UNIX = 1
AF_INET = 2
AF_INET6 = 10
AF_NETLINK = 16
AF_PACKET = 17
SOCK_STREAM = 1
SOCK_DGRAM = 2
SOCK_RAW = 3
SOCK_RDM = 4
SOCK_SEQPACKET = 5
SOCK_NONBLOCK = 0o4000
SOCK_CLOEXEC = 0o2000000
SOL_SOCKET = 1
SO_DEBUG = 1
SO_REUSEADDR = 2
SO_TYPE = 3
SO_ERROR = 4
SO_DONTROUTE = 5
SO_BROADCAST = 6
SO_SNDBUF = 7
SO_RCVBUF = 8
SO_KEEPALIVE = 9
SO_OOBINLINE = 10
SO_LINGER = 13
SO_REUSEPORT = 15
SO_PASSCRED = 16
SO_PEERCRED = 17
SO_RCVLOWAT = 18
SO_SNDLOWAT = 19
SO_RCVTIMEO = 20
SO_SNDTIMEO = 21
SO_ACCEPTCONN = 30
SO_PROTOCOL = 38
SO_DOMAIN = 39
SOMAXCONN = 4096
SCM_RIGHTS = 1
SCM_CREDENTIALS = 2
IPPROTO_IP = 0
IPPROTO_ICMP = 1
IPPROTO_TCP = 6
IPPROTO_UDP = 17
IPPROTO_IPV6 = 41
IPPROTO_ICMPV6 = 58
IPPROTO_RAW = 255
IP_TOS = 1
IP_TTL = 2
IP_MULTICAST_TTL = 33
IP_MULTICAST_LOOP = 34
IP_ADD_MEMBERSHIP = 35
IPV6_V6ONLY = 26
TCP_NODELAY = 1
TCP_MAXSEG = 2
TCP_KEEPIDLE = 4
TCP_KEEPINTVL = 5
TCP_KEEPCNT = 6
SHUT_RD = 0
SHUT_WR = 1
SHUT_RDWR = 2
MSG_OOB = 1
MSG_PEEK = 2
MSG_DONTROUTE = 4
MSG_CTRUNC = 8
MSG_TRUNC = 0x20
MSG_DONTWAIT = 0x40
MSG_EOR = 0x80
MSG_WAITALL = 0x100
MSG_NOSIGNAL = 0x4000
MSG_CMSG_CLOEXEC = 0x40000000
INADDR_ANY = 0
INADDR_BROADCAST = 0xffffffff
INADDR_LOOPBACK = 0x7f000001
INADDR_NONE = 0xffffffff
AI_PASSIVE = 1
AI_CANONNAME = 2
AI_NUMERICHOST = 4
AI_V4MAPPED = 8
AI_ALL = 0x10
AI_ADDRCONFIG = 0x20
AI_NUMERICSERV = 0x400
NI_NUMERICHOST = 1
NI_NUMERICSERV = 2
NI_NOFQDN = 4
NI_NAMEREQD = 8
NI_DGRAM = 16
NI_MAXHOST = 1025
NI_MAXSERV = 32
EAI_BADFLAGS = -1
EAI_NONAME = -2
EAI_AGAIN = -3
EAI_FAIL = -4
EAI_NODATA = -5
EAI_FAMILY = -6
EAI_SOCKTYPE = -7
EAI_SERVICE = -8
EAI_ADDRFAMILY = -9
EAI_MEMORY = -10
EAI_SYSTEM = -11
EAI_OVERFLOW = -12
has_ipv6 = True

error = OSError
timeout = TimeoutError


class herror(OSError):
    pass


class gaierror(OSError):
    pass


herror.__module__ = 'socket'
gaierror.__module__ = 'socket'

_default_timeout = None
_POLLIN = 1
_POLLOUT = 4
_MASK = SOCK_NONBLOCK | SOCK_CLOEXEC
_SERVICES = {'echo': 7, 'ftp': 21, 'ssh': 22, 'telnet': 23, 'smtp': 25, 'domain': 53, 'http': 80,
             'pop3': 110, 'imap': 143, 'https': 443, 'imaps': 993}


def getdefaulttimeout():
    return _default_timeout


def _timeout_value(t):
    if t is None:
        return None
    try:
        t = float(t)
    except (TypeError, ValueError):
        raise TypeError('Timeout value must be int, float or None') from None
    if t < 0:
        raise ValueError('Timeout value out of range')
    return t


def setdefaulttimeout(timeout, /):
    global _default_timeout
    _default_timeout = _timeout_value(timeout)


def _u16(x, name):
    if not isinstance(x, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(x).__name__)
    if x < 0:
        raise OverflowError('%s: can\'t convert negative Python int to C 16-bit unsigned integer' % name)
    if x > 0xffff:
        raise OverflowError('%s: Python int too large to convert to C 16-bit unsigned integer' % name)
    return x


def _u32(x, name):
    if not isinstance(x, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(x).__name__)
    if x < 0:
        raise OverflowError("can't convert negative value to unsigned int")
    if x > 0xffffffff:
        raise OverflowError('int larger than 32 bits')
    return x


def htons(x, /):
    x = _u16(x, 'htons')
    return ((x & 0xff) << 8) | (x >> 8) if _LITTLE else x


def ntohs(x, /):
    x = _u16(x, 'ntohs')
    return ((x & 0xff) << 8) | (x >> 8) if _LITTLE else x


def htonl(x, /):
    x = _u32(x, 'htonl')
    return int.from_bytes(x.to_bytes(4, 'little'), 'big') if _LITTLE else x


def ntohl(x, /):
    x = _u32(x, 'ntohl')
    return int.from_bytes(x.to_bytes(4, 'little'), 'big') if _LITTLE else x


import sys as _sys
_LITTLE = _sys.byteorder == 'little'
del _sys


def _parse_v4(s):
    # the dotted quad inet_pton accepts: four decimal parts, no leading zeros
    parts = s.split('.')
    if len(parts) != 4:
        return None
    v = 0
    for p in parts:
        if not p or len(p) > 3 or not p.isdigit() or not p.isascii() or (len(p) > 1 and p[0] == '0'):
            return None
        n = int(p)
        if n > 255:
            return None
        v = (v << 8) | n
    return v


def _parse_v6(s):
    # the 16 bytes of an IPv6 text address, or None
    if not s or not s.isascii():
        return None
    tail = []
    if '.' in s:
        i = s.rfind(':')
        v4 = _parse_v4(s[i + 1:])
        if v4 is None or i < 0:
            return None
        tail = [v4 >> 16, v4 & 0xffff]
        s = s[:i + 1]
        if s.endswith('::'):
            pass
        elif s.endswith(':'):
            s = s[:-1]
    if s.count('::') > 1:
        return None
    def groups(t):
        if t == '':
            return []
        out = []
        for g in t.split(':'):
            if not 1 <= len(g) <= 4:
                return None
            try:
                out.append(int(g, 16))
            except ValueError:
                return None
        return out
    if '::' in s:
        a, b = s.split('::')
        ga, gb = groups(a), groups(b)
        if ga is None or gb is None:
            return None
        fill = 8 - len(ga) - len(gb) - len(tail)
        if fill < 1:
            return None
        words = ga + [0] * fill + gb + tail
    else:
        g = groups(s)
        if g is None:
            return None
        words = g + tail
    if len(words) != 8:
        return None
    return b''.join(w.to_bytes(2, 'big') for w in words)


def _fmt_v6(b):
    words = [int.from_bytes(b[i:i + 2], 'big') for i in range(0, 16, 2)]
    best, bestlen, cur, curlen = -1, 0, -1, 0
    for i, w in enumerate(words):
        if w == 0:
            if cur < 0:
                cur, curlen = i, 1
            else:
                curlen += 1
            if curlen > bestlen:
                best, bestlen = cur, curlen
        else:
            cur, curlen = -1, 0
    if bestlen < 2:
        best = -1
    if best == 0 and (bestlen == 6 or (bestlen == 5 and words[5] == 0xffff)):
        return ('::ffff:' if bestlen == 5 else '::') + '%d.%d.%d.%d' % tuple(b[12:16])
    out = []
    i = 0
    while i < 8:
        if i == best:
            out.append('' if i else ':')
            out.append('')
            i += bestlen
            if i == 8:
                out[-1] = ':'
            continue
        out.append('%x' % words[i])
        i += 1
    s = ':'.join(out)
    return s.replace(':::', '::')


def inet_pton(af, ip, /):
    if not isinstance(ip, str):
        raise TypeError("inet_pton() argument 2 must be str, not %s" % type(ip).__name__)
    if af == AF_INET:
        v = _parse_v4(ip)
        if v is None:
            raise OSError('illegal IP address string passed to inet_pton')
        return v.to_bytes(4, 'big')
    if af == AF_INET6:
        b = _parse_v6(ip)
        if b is None:
            raise OSError('illegal IP address string passed to inet_pton')
        return b
    raise OSError(97, 'Address family not supported by protocol')


def inet_ntop(af, packed, /):
    packed = bytes(memoryview(packed))
    if af == AF_INET:
        if len(packed) != 4:
            raise ValueError('invalid length of packed IP address string')
        return '%d.%d.%d.%d' % tuple(packed)
    if af == AF_INET6:
        if len(packed) != 16:
            raise ValueError('invalid length of packed IP address string')
        return _fmt_v6(packed)
    raise ValueError('unknown address family %d' % af)


def _aton(s):
    # inet_aton's forms: a, a.b, a.b.c, a.b.c.d, each part decimal, 0octal or 0xhex
    parts = s.split('.')
    if not 1 <= len(parts) <= 4:
        return None
    if s.endswith('.') and len(parts) > 1:
        parts = parts[:-1]
    vals = []
    for p in parts:
        if not p or not p.isascii():
            return None
        try:
            if p[:2].lower() == '0x':
                n = int(p[2:], 16) if p[2:] else 0
            elif p[0] == '0':
                n = int(p, 8)
            elif p.isdigit():
                n = int(p)
            else:
                return None
        except ValueError:
            return None
        vals.append(n)
    last = vals.pop()
    for v in vals:
        if v > 255:
            return None
    if last >= 1 << (8 * (4 - len(vals))):
        return None
    v = 0
    for x in vals:
        v = (v << 8) | x
    return (v << (8 * (4 - len(vals)))) | last


def inet_aton(ip, /):
    if not isinstance(ip, str):
        raise TypeError("inet_aton() argument 1 must be str, not %s" % type(ip).__name__)
    v = _aton(ip)
    if v is None:
        raise OSError('illegal IP address string passed to inet_aton')
    return v.to_bytes(4, 'big')


def inet_ntoa(packed, /):
    packed = bytes(memoryview(packed))
    if len(packed) != 4:
        raise OSError('packed IP wrong length for inet_ntoa')
    return '%d.%d.%d.%d' % tuple(packed)


def gethostname():
    return bytes(_call(_OP_GETHOSTNAME, ())).decode('utf-8', 'surrogateescape')


def _hosts(name):
    # the addresses /etc/hosts gives name, in file order: (family, text)
    out = []
    try:
        f = open('/etc/hosts', 'rb')
    except OSError:
        return out
    with f:
        for line in f.read().decode('utf-8', 'replace').splitlines():
            line = line.split('#', 1)[0].split()
            if len(line) < 2 or name.lower() not in [n.lower() for n in line[1:]]:
                continue
            if _parse_v4(line[0]) is not None:
                out.append((AF_INET, line[0]))
            elif _parse_v6(line[0]) is not None:
                out.append((AF_INET6, line[0]))
    return out


def _resolve(host, family, flags):
    # [(family, text address)] for a host name or address, or gaierror
    if host is None:
        if flags & AI_PASSIVE:
            cands = [(AF_INET, '0.0.0.0'), (AF_INET6, '::')]
        else:
            cands = [(AF_INET6, '::1'), (AF_INET, '127.0.0.1')]
    else:
        if isinstance(host, bytes):
            host = host.decode('ascii')
        elif not isinstance(host, str):
            raise TypeError('getaddrinfo() argument 1 must be string or None')
        if host.endswith('%') or '%' in host:
            host = host.split('%', 1)[0]
        if _aton(host) is not None:
            cands = [(AF_INET, '%d.%d.%d.%d' % tuple(_aton(host).to_bytes(4, 'big')))]
        elif _parse_v6(host) is not None:
            cands = [(AF_INET6, _fmt_v6(_parse_v6(host)))]
        elif flags & AI_NUMERICHOST:
            raise gaierror(EAI_NONAME, 'Name or service not known')
        else:
            cands = _hosts(host)
            if not cands and host.lower() == 'localhost':
                cands = [(AF_INET, '127.0.0.1')]
            if not cands:
                raise gaierror(EAI_NONAME, 'Name or service not known')
    if family != AF_UNSPEC:
        cands = [c for c in cands if c[0] == family]
        if not cands:
            raise gaierror(EAI_ADDRFAMILY if host is not None else EAI_NONAME, 'Address family for hostname not supported')
    return cands


def _port(port, flags):
    if port is None:
        return 0
    if isinstance(port, int):
        return port & 0xffff
    if isinstance(port, bytes):
        port = port.decode('ascii')
    if isinstance(port, str):
        if port.isdigit() and port.isascii():
            return int(port) & 0xffff
        if flags & AI_NUMERICSERV or port not in _SERVICES:
            raise gaierror(EAI_SERVICE, 'Servname not supported for ai_socktype')
        return _SERVICES[port]
    raise OSError('Int or String expected')


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    if family not in (AF_UNSPEC, AF_INET, AF_INET6):
        raise gaierror(EAI_FAMILY, 'ai_family not supported')
    p = _port(port, flags)
    if host is None and port is None:
        raise gaierror(EAI_NONAME, 'Name or service not known')
    kinds = [(SOCK_STREAM, IPPROTO_TCP), (SOCK_DGRAM, IPPROTO_UDP), (SOCK_RAW, 0)]
    if type:
        kinds = [(t, pr) for t, pr in kinds if t == type] or [(type, proto)]
    if proto:
        kinds = [(t, proto) for t, pr in kinds if pr == proto or t == SOCK_RAW][:1] or [(type or SOCK_STREAM, proto)]
    out = []
    for fam, addr in _resolve(host, family, flags):
        sa = (addr, p) if fam == AF_INET else (addr, p, 0, 0)
        for t, pr in kinds:
            out.append((fam, t, pr, host if (flags & AI_CANONNAME) and isinstance(host, str) else '', sa))
    return out


def gethostbyname(hostname, /):
    for fam, addr in _resolve(hostname, AF_INET, 0):
        return addr
    raise gaierror(EAI_NONAME, 'Name or service not known')


def gethostbyname_ex(hostname, /):
    addrs = [a for f, a in _resolve(hostname, AF_INET, 0)]
    return hostname, [], addrs


def getnameinfo(sockaddr, flags, /):
    if not isinstance(sockaddr, tuple) or not 2 <= len(sockaddr) <= 4:
        raise TypeError('getnameinfo() argument 1 must be a tuple')
    host, port = sockaddr[0], sockaddr[1]
    fam, addr = _resolve(host, AF_UNSPEC, AI_NUMERICHOST if flags & NI_NUMERICHOST else 0)[0]
    if not flags & NI_NUMERICHOST:
        for line_host in ('localhost',):
            if addr in ('127.0.0.1', '::1'):
                addr = line_host
    serv = str(port)
    if not flags & NI_NUMERICSERV:
        for name, num in _SERVICES.items():
            if num == port:
                serv = name
                break
    return addr, serv


def getservbyname(servicename, protocolname=None, /):
    if servicename not in _SERVICES:
        raise OSError('service/proto not found')
    return _SERVICES[servicename]


def getservbyport(port, protocolname=None, /):
    if not 0 <= port <= 0xffff:
        raise OverflowError('getservbyport: port must be 0-65535.')
    for name, num in _SERVICES.items():
        if num == port:
            return name
    raise OSError('port/proto not found')


def getprotobyname(protocolname, /):
    try:
        return {'ip': 0, 'icmp': 1, 'tcp': 6, 'udp': 17, 'ipv6': 41, 'raw': 255}[protocolname]
    except KeyError:
        raise OSError('protocol not found') from None


def dup(fd, /):
    import posix
    return posix.dup(fd)


def close(fd, /):
    import posix
    try:
        posix.close(fd)
    except OSError as e:
        # as CPython: a close interrupted by a signal, or of an fd already closed by the peer's
        # reset, is not an error
        if e.errno != 104:
            raise


def _decode_addr(r, at):
    # the Python form of the address the C side wrote from r[at]: (host, port[, flow, scope]),
    # a path, or b'' abstract name
    fam = r[at]
    if fam == AF_INET:
        return ('%d.%d.%d.%d' % tuple(r[at + 2].to_bytes(4, 'big')), r[at + 1]), at + 3
    if fam == AF_INET6:
        return (_fmt_v6(bytes(r[at + 4:at + 20])), r[at + 1], r[at + 2], r[at + 3]), at + 20
    if fam == AF_UNIX:
        path = bytes(r[at + 1:])
        if path[:1] == b'\0':
            return path, len(r)
        return path.decode('utf-8', 'surrogateescape'), len(r)
    return (fam, bytes(r[at + 1:])), len(r)


# the most one send() of a socket that does not block passes to the kernel (more than
# a loopback socket's buffer holds)
_SEND_MAX = 1 << 20


class socket:
    """socket(family=AF_INET, type=SOCK_STREAM, proto=0) -> socket object"""

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None:
            if family == -1:
                family = AF_INET
            if type == -1:
                type = SOCK_STREAM
            if proto == -1:
                proto = 0
            fd = _call(_OP_SOCKET, (family, type, proto))[0]
        else:
            if not isinstance(fileno, int):
                raise TypeError("'%s' object cannot be interpreted as an integer" % _cls_name(fileno))
            fd = fileno
            if fd < 0:
                raise ValueError('negative file descriptor')
            if family == -1:
                family = _call(_OP_GETSOCKOPT, (fd, SOL_SOCKET, SO_DOMAIN))[0]
            if type == -1:
                type = _call(_OP_GETSOCKOPT, (fd, SOL_SOCKET, SO_TYPE))[0]
            if proto == -1:
                proto = _call(_OP_GETSOCKOPT, (fd, SOL_SOCKET, SO_PROTOCOL))[0]
        self._fd = fd
        self._family = family
        self._type = type & ~_MASK
        self._proto = proto
        self._timeout = _default_timeout
        if type & SOCK_NONBLOCK:
            self._timeout = 0.0
        if self._timeout is not None:
            _call_blocking(fd, False)

    @property
    def family(self):
        return self._family

    @property
    def type(self):
        return self._type

    @property
    def proto(self):
        return self._proto

    @property
    def timeout(self):
        return self._timeout

    def fileno(self):
        return self._fd

    def detach(self):
        fd, self._fd = self._fd, -1
        return fd

    def close(self):
        fd, self._fd = self._fd, -1
        if fd >= 0:
            close(fd)

    def __repr__(self):
        return '<socket object, fd=%d, family=%d, type=%d, proto=%d>' % (self._fd, self._family, self._type, self._proto)

    def _checked(self):
        if self._fd < 0:
            raise OSError(9, 'Bad file descriptor')
        return self._fd

    def _addr(self, address, fn):
        fam = self._family
        if fam == AF_UNIX:
            if isinstance(address, str):
                import os
                data = os.fsencode(address)
            elif isinstance(address, (bytes, bytearray, memoryview)):
                data = bytes(address)
            else:
                raise TypeError('%s(): AF_UNIX address must be str or bytes, not %s' % (fn, _cls_name(address)))
            return [AF_UNIX], data
        if fam == AF_INET:
            if not isinstance(address, tuple):
                raise TypeError('%s(): AF_INET address must be tuple, not %s' % (fn, _cls_name(address)))
            if len(address) != 2:
                raise TypeError('AF_INET address must be a pair (host, port)')
            host, port = address
            if not isinstance(host, (str, bytes, bytearray)):
                raise TypeError('str, bytes or bytearray expected, not %s' % _cls_name(host))
            if not isinstance(port, int):
                raise TypeError("'%s' object cannot be interpreted as an integer" % _cls_name(port))
            if not 0 <= port <= 0xffff:
                raise OverflowError('%s(): port must be 0-65535.' % fn)
            if host == '':
                a = 0
            elif host == '<broadcast>':
                a = 0xffffffff
            else:
                a = int.from_bytes(inet_aton(_resolve(host, AF_INET, 0)[0][1]), 'big')
            return [AF_INET, port, a], b''
        if fam == AF_INET6:
            if not isinstance(address, tuple):
                raise TypeError('%s(): AF_INET6 address must be tuple, not %s' % (fn, _cls_name(address)))
            if not 2 <= len(address) <= 4:
                raise TypeError('AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])')
            host, port = address[0], address[1]
            flow = address[2] if len(address) > 2 else 0
            scope = address[3] if len(address) > 3 else 0
            if not 0 <= port <= 0xffff:
                raise OverflowError('%s(): port must be 0-65535.' % fn)
            if not 0 <= flow <= 0xfffff:
                raise OverflowError('%s(): flowinfo must be 0-1048575.' % fn)
            b = bytes(16) if host == '' else inet_pton(AF_INET6, _resolve(host, AF_INET6, 0)[0][1])
            return [AF_INET6, port, flow, scope] + list(b), b''
        raise OSError(97, 'Address family not supported by protocol')

    def _wait(self, writing, deadline):
        # waits for the fd to be ready within the timeout: TimeoutError('timed out') when not
        remaining = deadline - _time.monotonic()
        if remaining <= 0:
            raise TimeoutError('timed out')
        r = _call(_OP_POLL, (int(-(-remaining * 1000 // 1)), self._fd, _POLLOUT if writing else _POLLIN))
        if not r:
            raise TimeoutError('timed out')

    def _io(self, writing, op, ints, data=b'', as_bytes=False):
        fd = self._checked()
        t = self._timeout
        if not t:
            return _call(op, [fd] + ints, data, as_bytes)
        deadline = _time.monotonic() + t
        while True:
            self._wait(writing, deadline)
            try:
                return _call(op, [fd] + ints, data, as_bytes)
            except BlockingIOError:
                continue

    def bind(self, address, /):
        ints, data = self._addr(address, 'bind')
        _call(_OP_BIND, [self._checked()] + ints, data)

    def listen(self, backlog=min(SOMAXCONN, 128), /):
        _call(_OP_LISTEN, (self._checked(), max(backlog, 0)))

    def _accept(self):
        r = self._io(False, _OP_ACCEPT, [])
        return r[0], _decode_addr(r, 1)[0]

    def connect(self, address, /):
        self._connect(address, True)

    def connect_ex(self, address, /):
        return self._connect(address, False)

    def _connect(self, address, raising):
        ints, data = self._addr(address, 'connect' if raising else 'connect_ex')
        fd = self._checked()
        try:
            _call(_OP_CONNECT, [fd] + ints, data)
            return 0
        except OSError as e:
            err = e
        if err.errno == 115 and self._timeout:
            deadline = _time.monotonic() + self._timeout
            try:
                self._wait(True, deadline)
            except TimeoutError:
                if raising:
                    raise
                return 11
            code = _call(_OP_GETSOCKOPT, (fd, SOL_SOCKET, SO_ERROR))[0]
            if code == 0:
                return 0
            if not raising:
                return code
            import os
            raise _oserror(code, os.strerror(code))
        if raising:
            raise err
        return err.errno

    def send(self, data, flags=0, /):
        m = memoryview(data)
        # a socket that does not block takes what fits in its buffer: passing more to the
        # kernel only copies it (asyncio sends its whole write buffer each time it drains)
        if self._timeout is not None and m.nbytes > _SEND_MAX:
            m = m.cast('B')[:_SEND_MAX]
        return self._io(True, _OP_SEND, [flags], bytes(m))[0]

    def sendall(self, data, flags=0, /):
        data = bytes(memoryview(data))
        while data:
            n = self.send(data, flags)
            data = data[n:]

    def sendto(self, data, flags_or_addr, addr=None, /):
        if addr is None:
            flags, addr = 0, flags_or_addr
        else:
            flags = flags_or_addr
        ints, _ = self._addr(addr, 'sendto')
        return self._io(True, _OP_SENDTO, [flags] + ints, bytes(memoryview(data)))[0]

    def recv(self, bufsize, flags=0, /):
        if bufsize < 0:
            raise ValueError('negative buffersize in recv')
        return self._io(False, _OP_RECV, [bufsize, flags], b'', True)

    def recvfrom(self, bufsize, flags=0, /):
        if bufsize < 0:
            raise ValueError('negative buffersize in recvfrom')
        r = self._io(False, _OP_RECVFROM, [bufsize, flags])
        n = r[0]
        addr, at = _decode_addr(r[:len(r) - n], 1)
        return bytes(r[len(r) - n:]), addr

    def recv_into(self, buffer, nbytes=0, flags=0):
        m = memoryview(buffer)
        if nbytes < 0:
            raise ValueError('negative buffersize in recv_into')
        if nbytes == 0:
            nbytes = m.nbytes
        elif nbytes > m.nbytes:
            raise ValueError('buffer too small for requested bytes')
        data = self.recv(nbytes, flags)
        m.cast('B')[:len(data)] = data
        return len(data)

    def recvfrom_into(self, buffer, nbytes=0, flags=0):
        m = memoryview(buffer)
        if nbytes == 0:
            nbytes = m.nbytes
        data, addr = self.recvfrom(nbytes, flags)
        m.cast('B')[:len(data)] = data
        return len(data), addr

    def shutdown(self, how, /):
        _call(_OP_SHUTDOWN, (self._checked(), how))

    def getsockname(self):
        return _decode_addr(_call(_OP_GETSOCKNAME, (self._checked(),)), 0)[0]

    def getpeername(self):
        return _decode_addr(_call(_OP_GETPEERNAME, (self._checked(),)), 0)[0]

    def setsockopt(self, level, optname, value, optlen=None, /):
        fd = self._checked()
        if value is None:
            _call(_OP_SETSOCKOPT, (fd, level, optname, 1, 0), bytes(optlen or 0))
        elif isinstance(value, int):
            _call(_OP_SETSOCKOPT, (fd, level, optname, 0, value))
        else:
            _call(_OP_SETSOCKOPT, (fd, level, optname, 1, 0), bytes(memoryview(value)))

    def getsockopt(self, level, optname, buflen=None, /):
        r = _call(_OP_GETSOCKOPT, (self._checked(), level, optname))[0]
        if buflen is None:
            return r
        return r.to_bytes(4, 'little' if _LITTLE else 'big', signed=True)[:buflen]

    def setblocking(self, flag, /):
        self._timeout = None if flag else 0.0
        _call_blocking(self._checked(), bool(flag))

    def getblocking(self):
        self._checked()
        return self._timeout != 0.0

    def settimeout(self, value, /):
        self._timeout = _timeout_value(value)
        _call_blocking(self._checked(), self._timeout is None)

    def gettimeout(self):
        return self._timeout

    def __getstate__(self):
        raise TypeError("cannot pickle '%s' object" % type(self).__name__)


SocketType = socket


def _cls_name(o):
    return o.__class__.__name__


def _oserror(code, msg):
    return OSError(code, msg)


def _call_blocking(fd, blocking):
    import posix
    posix.set_blocking(fd, blocking)


def socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0, /):
    r = _call(_OP_SOCKETPAIR, (family, type, proto))
    return socket(family, type, proto, r[0]), socket(family, type, proto, r[1])
`;

function appModule(name: string, source: string): PyModule {
  const m = newBuiltinModule(name);
  addAppCall(m);
  runAppLevel(m, appOpsSource() + source, name);
  return m;
}
export function makePosixSubprocess(): PyModule {
  return appModule('_posixsubprocess', POSIXSUBPROCESS_SOURCE);
}
export function makeSelect(): PyModule {
  return appModule('select', SELECT_SOURCE);
}
export function makeSocket(): PyModule {
  return appModule('_socket', SOCKET_SOURCE);
}
