// Golden cases of the optimizer's dce (tests/vm/jit/opt/golden/dce/, format in golden.ts).
import { describeGolden } from './golden.ts';

describeGolden('dce');
