// Every tests/vm/programs/*.py under CPython and under the untranslated VM (interpreter only):
// stdout, exit status and the last line of stderr must be the same.
import { describePrograms } from './runner.ts';

describePrograms('vm programs');
