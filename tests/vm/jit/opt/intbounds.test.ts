// Golden cases of the optimizer's intbounds (tests/vm/jit/opt/golden/intbounds/, format in golden.ts).
import { describeGolden } from './golden.ts';

describeGolden('intbounds');
