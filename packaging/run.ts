// Running an external tool: a failure becomes a PackagingError naming the artifact, the
// command and its output.

import { execFile } from 'node:child_process';
import { PackagingError } from './errors.ts';

export interface RunResult {
  stdout: string;
  stderr: string;
}

export function runTool(
  artifact: string,
  cmd: string,
  args: readonly string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      cmd,
      args as string[],
      { cwd: opts.cwd, env: { ...process.env, LC_ALL: 'C', TZ: 'UTC', ...opts.env }, maxBuffer: 64 << 20 },
      (err, stdout, stderr) => {
        if (err) {
          const code = (err as NodeJS.ErrnoException).code === 'ENOENT' ? `${cmd} is not installed` : `exit ${String((err as { code?: unknown }).code)}`;
          reject(new PackagingError(artifact, 'tool-failed', `${cmd} ${args.join(' ')} failed (${code}):\n${stderr || stdout}`.trim()));
        } else resolve({ stdout, stderr });
      },
    );
    if (opts.input !== undefined) {
      child.stdin?.on('error', () => {}); // the tool may exit without reading its input
      child.stdin?.end(opts.input);
    }
  });
}
