// Golden cases of the optimizer's virtualize (tests/vm/jit/opt/golden/virtualize/, format in golden.ts).
import { describeGolden } from './golden.ts';

describeGolden('virtualize');
