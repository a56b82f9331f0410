// Golden cases of the optimizer's heap (tests/vm/jit/opt/golden/heap/, format in golden.ts).
import { describeGolden } from './golden.ts';

describeGolden('heap');
