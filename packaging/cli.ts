// A thin command line over stageTree + buildRelease, for trying the packagers by hand until
// release/ drives them from its task graph:
//
//   tsx packaging/cli.ts --version 0.1.0 [--epoch N] [--out dist] [--sign KEYFILE] [--require-signature]
//       --binary linux-x86_64=out/linux-x86_64/pyvm --binary windows-x86_64=out/win/pyvm.exe ...
//
// Stages each binary into <out>/stage/, writes every artifact to <out>/<version>/ and
// prints one line per packager run (artifacts or the skip reason).

import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildRelease, isSkip, stageTree } from './index.ts';

const { values } = parseArgs({
  options: {
    version: { type: 'string' },
    epoch: { type: 'string' },
    out: { type: 'string', default: 'dist' },
    binary: { type: 'string', multiple: true, default: [] },
    sign: { type: 'string' },
    'sign-pub': { type: 'string' },
    'require-signature': { type: 'boolean', default: false },
  },
});

if (!values.version || values.binary.length === 0) {
  console.error('usage: tsx packaging/cli.ts --version V --binary TARGET=PATH [--binary ...] [--epoch N] [--out DIR] [--sign KEY] [--require-signature]');
  process.exit(2);
}
const epoch = Number(values.epoch ?? process.env.SOURCE_DATE_EPOCH ?? NaN);
if (!Number.isInteger(epoch)) {
  console.error('packaging: set --epoch or SOURCE_DATE_EPOCH (every timestamp in every artifact comes from it)');
  process.exit(2);
}
const out = resolve(values.out);
const trees = [];
for (const spec of values.binary) {
  const eq = spec.indexOf('=');
  if (eq < 0) throw new Error(`--binary wants TARGET=PATH, got '${spec}'`);
  trees.push(await stageTree({ binary: resolve(spec.slice(eq + 1)), target: spec.slice(0, eq), version: values.version, sourceDateEpoch: epoch, outDir: join(out, 'stage') }));
}
await buildRelease({
  trees,
  distDir: join(out, values.version),
  workDir: join(out, '.work'),
  signing: { secretKeyFile: values.sign ?? null, publicKeyFile: values['sign-pub'] ?? null, required: values['require-signature'] },
  onOutcome: (o) => {
    const what = isSkip(o.result) ? `skipped: ${o.result.skip}` : o.result.map((r) => r.name).join(', ');
    console.log(`${o.packager}${o.target ? `:${o.target}` : ''}  ${what}  (${o.ms} ms)`);
  },
});
