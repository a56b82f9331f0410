// Golden cases of the optimizer's chain (tests/vm/jit/opt/golden/chain/, format in golden.ts).
import { describeGolden } from './golden.ts';

describeGolden('chain');
