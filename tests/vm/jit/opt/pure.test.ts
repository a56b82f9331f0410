// Golden cases of the optimizer's pure (tests/vm/jit/opt/golden/pure/, format in golden.ts).
import { describeGolden } from './golden.ts';

describeGolden('pure');
