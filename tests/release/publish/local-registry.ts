// Debian's docker-registry on 127.0.0.1 for the publish tests: filesystem storage in a temp
// dir, no auth, an access log to count what each push sent.

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { scratch } from '../helpers.ts';

export const hasRegistry = (() => {
  try {
    execFileSync('sh', ['-c', 'command -v docker-registry && command -v skopeo'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

async function freePort(): Promise<number> {
  return new Promise((r) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as AddressInfo).port;
      s.close(() => r(p));
    });
  });
}

export interface LocalRegistry {
  /** 127.0.0.1:<port> */
  host: string;
  /** requests answered since byte `from` of the access log: [method, path, status] */
  requests(from?: number): [string, string, number][];
  /** the access log's current size: pass it to requests() to see what came after */
  logSize(): number;
  stop(): void;
}

export async function startRegistry(): Promise<LocalRegistry> {
  const dir = scratch('registry');
  const host = `127.0.0.1:${await freePort()}`;
  writeFileSync(
    join(dir, 'registry.yml'),
    `version: 0.1\nlog:\n  level: info\n  formatter: text\nstorage:\n  filesystem:\n    rootdirectory: ${join(dir, 'data')}\nhttp:\n  addr: ${host}\n`,
  );
  const logFile = join(dir, 'registry.log');
  const fd = openSync(logFile, 'a');
  const proc: ChildProcess = spawn('docker-registry', ['serve', join(dir, 'registry.yml')], { stdio: ['ignore', fd, fd] });
  const reg: LocalRegistry = {
    host,
    requests: (from = 0) =>
      [...readFileSync(logFile, 'utf8').slice(from).matchAll(/"(HEAD|GET|POST|PUT|PATCH|DELETE) (\/v2\/[^ ]*) HTTP\/1\.1" (\d{3})/g)].map((m) => [m[1], m[2], Number(m[3])]),
    logSize: () => readFileSync(logFile, 'utf8').length,
    stop: () => void proc.kill('SIGTERM'),
  };
  for (let i = 0; i < 100; i++) {
    if (await fetch(`http://${host}/v2/`).then((r) => r.ok, () => false)) return reg;
    await new Promise((r) => setTimeout(r, 50));
  }
  proc.kill('SIGKILL');
  throw new Error(`docker-registry did not start:\n${readFileSync(logFile, 'utf8')}`);
}
