// time.get_clock_info, app-level: asyncio's event loop reads the monotonic clock's resolution
// from it. The facts are those CPython 3.11 reports on Linux for the clocks pyvm's time module
// offers (translate/runtime reads each with clock_gettime at nanosecond resolution).
import { PyModule } from '../objects/core.ts';
import { runAppLevel } from './applevel.ts';

const SOURCE = String.raw`
_CLOCKS = {
    'time': ('clock_gettime(CLOCK_REALTIME)', False, True),
    'monotonic': ('clock_gettime(CLOCK_MONOTONIC)', True, False),
    'perf_counter': ('clock_gettime(CLOCK_MONOTONIC)', True, False),
    'process_time': ('clock_gettime(CLOCK_PROCESS_CPUTIME_ID)', True, False),
}


def get_clock_info(name, /):
    """get_clock_info(name: str) -> dict

Get information of the specified clock."""
    if not isinstance(name, str):
        raise TypeError('get_clock_info() argument 1 must be str, not %s' % type(name).__name__)
    try:
        impl, mono, adj = _CLOCKS[name]
    except KeyError:
        raise ValueError('unknown clock') from None
    import types
    return types.SimpleNamespace(implementation=impl, monotonic=mono, adjustable=adj, resolution=1e-09)
`;

/** Adds get_clock_info to the time module m. */
export function addClockInfo(m: PyModule): void {
  runAppLevel(m, SOURCE, 'time');
}
