// CPython, the reference every VM test compares with. `python3` on PATH may be a version
// manager's shim (pyenv's is a chain of bash scripts, slow to start on a busy machine), so the
// real executable is found once and run directly.
import { execFileSync } from 'node:child_process';

export const PYTHON = execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim();
