// The _signal module under signal.py. pyvm's runtime catches SIGINT only (the loop polls
// os.takeInterrupt at backward jumps, function entries and waits); its Python handler is the one
// signal.signal installed: default_int_handler (KeyboardInterrupt, as at start-up), SIG_IGN
// (nothing) or SIG_DFL (the process ends by SIGINT), or a Python function, called at the poll
// point as CPython calls handlers between bytecodes. Handlers of the other signals are recorded
// and reported back (getsignal), and raise_signal runs them, but the OS never delivers them.
import { PyObject, PyModule, PyDict, PyInt, PyExc, PyBaseExc, KeyboardInterrupt, newInt, None } from '../objects/core.ts';
import { os } from '../../translate/rlib/index.ts';
import { dictGetS, dictGet } from '../objects/dict.ts';
import { VM } from '../interpreter/state.ts';
import { callObj } from '../interpreter/runtime.ts';
import { getFrame } from '../interpreter/traceback.ts';
import { newBuiltinModule } from './registry.ts';
import { runAppLevel } from './applevel.ts';

const SIGNAL_SOURCE = String.raw`
SIG_DFL = 0
SIG_IGN = 1
NSIG = 65
SIG_BLOCK = 0
SIG_UNBLOCK = 1
SIG_SETMASK = 2
ITIMER_REAL = 0
ITIMER_VIRTUAL = 1
ITIMER_PROF = 2

_NAMES = {
    1: ('SIGHUP', 'Hangup'), 2: ('SIGINT', 'Interrupt'), 3: ('SIGQUIT', 'Quit'),
    4: ('SIGILL', 'Illegal instruction'), 5: ('SIGTRAP', 'Trace/breakpoint trap'),
    6: ('SIGABRT', 'Aborted'), 7: ('SIGBUS', 'Bus error'), 8: ('SIGFPE', 'Floating point exception'),
    9: ('SIGKILL', 'Killed'), 10: ('SIGUSR1', 'User defined signal 1'),
    11: ('SIGSEGV', 'Segmentation fault'), 12: ('SIGUSR2', 'User defined signal 2'),
    13: ('SIGPIPE', 'Broken pipe'), 14: ('SIGALRM', 'Alarm clock'), 15: ('SIGTERM', 'Terminated'),
    16: ('SIGSTKFLT', 'Stack fault'), 17: ('SIGCHLD', 'Child exited'), 18: ('SIGCONT', 'Continued'),
    19: ('SIGSTOP', 'Stopped (signal)'), 20: ('SIGTSTP', 'Stopped'), 21: ('SIGTTIN', 'Stopped (tty input)'),
    22: ('SIGTTOU', 'Stopped (tty output)'), 23: ('SIGURG', 'Urgent I/O condition'),
    24: ('SIGXCPU', 'CPU time limit exceeded'), 25: ('SIGXFSZ', 'File size limit exceeded'),
    26: ('SIGVTALRM', 'Virtual timer expired'), 27: ('SIGPROF', 'Profiling timer expired'),
    28: ('SIGWINCH', 'Window changed'), 29: ('SIGIO', 'I/O possible'), 30: ('SIGPWR', 'Power failure'),
    31: ('SIGSYS', 'Bad system call'),
}
for _n, (_name, _text) in _NAMES.items():
    globals()[_name] = _n
SIGIOT = 6
SIGPOLL = 29
SIGRTMIN = 34
SIGRTMAX = 64
del _n, _name, _text


def default_int_handler(signalnum, frame, /):
    raise KeyboardInterrupt


_handlers = {SIGINT: default_int_handler}


def _check(signalnum):
    # a plain int, as C's int converter makes (an IntEnum's hash is its name's)
    signalnum = int(type(signalnum).__index__(signalnum))
    if signalnum < 1 or signalnum >= NSIG:
        raise ValueError('signal number out of range')
    return signalnum


def signal(signalnum, handler, /):
    signalnum = _check(signalnum)
    if handler is not SIG_IGN and handler is not SIG_DFL and handler != SIG_IGN and handler != SIG_DFL and not callable(handler):
        raise TypeError('signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object')
    if signalnum in (SIGKILL, SIGSTOP):
        raise OSError(22, 'Invalid argument')
    old = _handlers.get(signalnum, SIG_DFL)
    _handlers[signalnum] = handler
    return old


def getsignal(signalnum, /):
    return _handlers.get(_check(signalnum), SIG_DFL)


def strsignal(signalnum, /):
    signalnum = _check(signalnum)
    entry = _NAMES.get(signalnum)
    if entry is not None:
        return entry[1]
    if SIGRTMIN <= signalnum <= SIGRTMAX:
        return 'Real-time signal %d' % (signalnum - SIGRTMIN)
    return None


def valid_signals():
    return {n for n in range(1, NSIG) if n not in (32, 33)}


def raise_signal(signalnum, /):
    signalnum = _check(signalnum)
    handler = _handlers.get(signalnum, SIG_DFL)
    if handler == SIG_IGN:
        return
    if handler == SIG_DFL:
        if signalnum == SIGINT:
            raise KeyboardInterrupt
        raise OSError(38, 'pyvm cannot deliver signal %d' % signalnum)
    import sys
    handler(signalnum, sys._getframe(1))


def _trip(signalnum):
    # _thread.interrupt_main: with one thread the main thread's next check is on the way out of
    # the call, so the handler runs now; a signal Python does not handle (SIG_DFL, SIG_IGN) is
    # ignored, as CPython's interrupt_main does
    signalnum = _check(signalnum)
    handler = _handlers.get(signalnum, SIG_DFL)
    if handler == SIG_IGN or handler == SIG_DFL:
        return
    import sys
    handler(signalnum, sys._getframe(2))


_wakeup_fd = -1


def set_wakeup_fd(fd, /, *, warn_on_full_buffer=True):
    global _wakeup_fd
    old, _wakeup_fd = _wakeup_fd, int(fd)
    return old


def siginterrupt(signalnum, flag, /):
    _check(signalnum)
`;

export function makeSignal(): PyModule {
  const m = newBuiltinModule('_signal');
  runAppLevel(m, SIGNAL_SOURCE, '_signal');
  return m;
}

/** SIGINT arrived (the poll said so): do what the installed handler says. */
export function handleInterrupt(): void {
  const mod = dictGetS(VM.modules, '_signal');
  let h: PyObject | null = null;
  let dflt: PyObject | null = null;
  if (mod !== null && mod instanceof PyModule) {
    const handlers = dictGetS(mod.dict, '_handlers');
    if (handlers !== null && handlers instanceof PyDict) h = dictGet(handlers, newInt(2));
    dflt = dictGetS(mod.dict, 'default_int_handler');
  }
  if (h === null || h === dflt) throw new PyExc(new PyBaseExc(KeyboardInterrupt));
  if (h instanceof PyInt) {
    if (h.v === 1) return;
    if (h.v === 0) os.exitByInterrupt();
  }
  callObj(h, [newInt(2), VM.frame !== null ? getFrame(0) : None], null);
}
