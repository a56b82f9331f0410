// Golden cases of the optimizer's rewrite (tests/vm/jit/opt/golden/rewrite/, format in golden.ts).
import { describeGolden } from './golden.ts';

describeGolden('rewrite');
