// signature: SHA256SUMS.minisig and minisign.pub. The secret key comes from
// ctx.signing.secretKeyFile, or from $PYVM_MINISIGN_SECRET_KEY (the key file's text, for CI
// secrets), or from the file named by $PYVM_MINISIGN_SECRET_KEY_FILE. It must be an
// unencrypted key (`minisign -G -W`). The public key is ctx.signing.publicKeyFile or is
// recreated from the secret key (`minisign -R`). Ed25519 signatures are deterministic and
// both comments are fixed, so the signature is reproducible too.

import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PackagingError } from './errors.ts';
import { recordOf, writeAtomically } from './fsutil.ts';
import { runTool } from './run.ts';
import type { ReleasePackager } from './types.ts';

export const signaturePackager: ReleasePackager = {
  kind: 'signature',
  scope: 'release',
  signs: true,
  tools: [{ command: 'minisign', debPackage: 'minisign', purpose: 'signing SHA256SUMS', use: 'build' }],
  contentType: () => 'text/plain; charset=utf-8',
  async run(ctx) {
    const artifact = 'SHA256SUMS.minisig';
    const sums = ctx.registry.select({ kind: 'checksums' })[0];
    if (!sums) throw new PackagingError(artifact, 'missing-input', 'no SHA256SUMS was registered before signing');
    const work = join(ctx.workDir, 'signature');
    await rm(work, { recursive: true, force: true });
    await mkdir(work, { recursive: true, mode: 0o700 });
    try {
      let key = ctx.signing.secretKeyFile ?? process.env.PYVM_MINISIGN_SECRET_KEY_FILE ?? null;
      if (!key && process.env.PYVM_MINISIGN_SECRET_KEY) {
        key = join(work, 'secret.key');
        await writeFile(key, process.env.PYVM_MINISIGN_SECRET_KEY, { mode: 0o600 });
      }
      if (!key) {
        const why = 'no minisign secret key (set signing.secretKeyFile, PYVM_MINISIGN_SECRET_KEY or PYVM_MINISIGN_SECRET_KEY_FILE)';
        if (ctx.signing.required) throw new PackagingError(artifact, 'signing-key', `signing is required but there is ${why}`);
        return { skip: why };
      }
      const text = await readFile(key, 'utf8').catch(() => {
        throw new PackagingError(artifact, 'signing-key', `cannot read the minisign secret key ${key}`);
      });
      if (!text.startsWith('untrusted comment:')) throw new PackagingError(artifact, 'signing-key', `${key} is not a minisign secret key`);
      const pub = join(ctx.distDir, 'minisign.pub');
      await writeAtomically(pub, async (tmp) => {
        if (ctx.signing.publicKeyFile) await copyFile(ctx.signing.publicKeyFile, tmp);
        else await runTool('minisign.pub', 'minisign', ['-R', '-s', key, '-p', tmp], { input: '' });
      });
      const sig = join(ctx.distDir, artifact);
      await writeAtomically(sig, async (tmp) => {
        await runTool(artifact, 'minisign', ['-S', '-s', key, '-m', sums.path, '-x', tmp, '-c', `signature of ${ctx.recipe.name} ${ctx.version} SHA256SUMS`, '-t', `${ctx.recipe.name} ${ctx.version} SHA256SUMS`], { input: '' });
      });
      await runTool(artifact, 'minisign', ['-V', '-q', '-p', pub, '-m', sums.path, '-x', sig]).catch(() => {
        throw new PackagingError(artifact, 'signing-key', 'the signature does not verify with minisign.pub (public and secret keys do not match)');
      });
      return [await recordOf(ctx.distDir, sig, 'signature', null), await recordOf(ctx.distDir, pub, 'signature', null)];
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  },
};
