// Every tests/vm/programs/*.py gives CPython's output with the JIT tracing every loop after two
// iterations on the llgraph backend (so every covered opcode is recorded, run and deoptimised).
import { describePrograms } from './runner.ts';

describePrograms('vm programs with the JIT (threshold=2, llgraph)', { PYVM_JIT: 'threshold=2,backend=llgraph' });
