// Every tests/vm/programs/*.py gives CPython's output under the VM (interpreter only).
import { programsSuite } from './programs-suite.ts';

programsSuite('vm programs', {}, 470);
