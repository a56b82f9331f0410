// Golden cases of the optimizer's unroll (tests/vm/jit/opt/golden/unroll/, format in golden.ts).
import { describeGolden } from './golden.ts';

describeGolden('unroll');
