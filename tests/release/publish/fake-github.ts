// A local stand-in for GitHub's release API, started by the tests: the API and the uploads
// on two origins (two ports), as GitHub serves api.github.com and uploads.github.com, with a
// third path on the upload origin standing in for the signed download host. Every request and
// every response is checked against GitHub's OpenAPI description; a mismatch is recorded in
// `violations`, which the tests require to be empty. Faults can be injected per operation.

import http from 'node:http';
import { EventEmitter } from 'node:events';
import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { errorsText, operations, paramProblem, type Operation, type OperationId } from './openapi.ts';

export type FaultKind =
  /** answer with `status` without doing anything */
  | 'status'
  /** do the work, then answer with `status` (the answer of a request that succeeded is lost) */
  | 'status-after'
  /** upload: close the connection after half of the body arrived */
  | 'drop-body'
  /** do the work, then close the connection without an answer */
  | 'drop-response'
  /** 403 with x-ratelimit-remaining: 0 */
  | 'rate-limit'
  /** 429 'secondary rate limit' with retry-after */
  | 'secondary-rate-limit'
  /** upload: 422 already_exists although nothing is stored */
  | 'already-exists';

export interface Fault {
  op: OperationId;
  kind: FaultKind;
  status?: number;
  /** only for requests this accepts (query: the URL's query) */
  when?: (r: { query: URLSearchParams; params: Record<string, string> }) => boolean;
  /** how many requests it hits (default 1) */
  times?: number;
}

export interface LogEntry {
  origin: 'api' | 'uploads' | 'objects';
  method: string;
  path: string;
  op: OperationId | null;
  status: number | null;
  fault: FaultKind | null;
  /** request body, for JSON requests */
  json?: Record<string, unknown>;
}

interface Rel {
  id: number;
  tag_name: string;
  target_commitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  immutable: boolean;
  created_at: string;
  published_at: string | null;
  updated_at: string;
}

interface Asset {
  id: number;
  releaseId: number;
  name: string;
  label: string | null;
  state: 'uploaded' | 'open';
  content_type: string;
  size: number;
  data: Buffer;
  created_at: string;
  updated_at: string;
}

const USER = (base: string) => ({
  login: 'release-bot',
  id: 41898282,
  node_id: 'MDM6Qm90NDE4OTgyODI=',
  avatar_url: 'https://avatars.githubusercontent.com/in/15368?v=4',
  gravatar_id: '',
  url: `${base}/users/release-bot`,
  html_url: 'https://github.com/apps/release-bot',
  followers_url: `${base}/users/release-bot/followers`,
  following_url: `${base}/users/release-bot/following{/other_user}`,
  gists_url: `${base}/users/release-bot/gists{/gist_id}`,
  starred_url: `${base}/users/release-bot/starred{/owner}{/repo}`,
  subscriptions_url: `${base}/users/release-bot/subscriptions`,
  organizations_url: `${base}/users/release-bot/orgs`,
  repos_url: `${base}/users/release-bot/repos`,
  events_url: `${base}/users/release-bot/events{/privacy}`,
  received_events_url: `${base}/users/release-bot/received_events`,
  type: 'Bot',
  site_admin: false,
});

const DOCS = 'https://docs.github.com/rest/releases';

function isBasicError(b: unknown): boolean {
  const o = b as { message?: unknown; documentation_url?: unknown } | null;
  return !!o && typeof o.message === 'string' && typeof o.documentation_url === 'string';
}
const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const MUTATING = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

export interface FakeGithubOptions {
  owner?: string;
  repo?: string;
  token?: string;
  /** send assets' sha256 digest (GitHub does since 2025); false sends digest: null as older servers do */
  digests?: boolean;
  /** releases become immutable when published (the repository setting) */
  immutableOnPublish?: boolean;
}

export class FakeGithub extends EventEmitter {
  readonly owner: string;
  readonly repo: string;
  readonly token: string;
  digests: boolean;
  immutableOnPublish: boolean;
  apiUrl = '';
  uploadBase = '';
  readonly releases: Rel[] = [];
  readonly assets: Asset[] = [];
  readonly log: LogEntry[] = [];
  readonly violations: string[] = [];
  faults: Fault[] = [];
  /** draft -> published transitions */
  undrafts = 0;
  #ids = 100;
  #servers: http.Server[] = [];
  #sockets = new Set<import('node:net').Socket>();
  #ops: Operation[];
  #grants = new Map<string, number>();

  constructor(o: FakeGithubOptions = {}) {
    super();
    this.owner = o.owner ?? 'pyvm';
    this.repo = o.repo ?? 'pyvm';
    this.token = o.token ?? `ghs_${randomBytes(12).toString('hex')}`;
    this.digests = o.digests ?? true;
    this.immutableOnPublish = o.immutableOnPublish ?? false;
    this.#ops = operations();
  }

  async start(): Promise<this> {
    const listen = async (origin: 'api' | 'uploads') => {
      const s = http.createServer((req, res) => void this.#handle(origin, req, res));
      s.on('connection', (c) => {
        this.#sockets.add(c);
        c.on('close', () => this.#sockets.delete(c));
      });
      await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
      this.#servers.push(s);
      return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
    };
    // GitHub Enterprise layout: the API under /api/v3, uploads under /api/uploads
    this.apiUrl = `${await listen('api')}/api/v3`;
    this.uploadBase = `${await listen('uploads')}/api/uploads`;
    return this;
  }

  async stop(): Promise<void> {
    for (const c of this.#sockets) c.destroy();
    await Promise.all(this.#servers.map((s) => new Promise((r) => s.close(r))));
  }

  /** Environment for `release publish` against this server. */
  env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    return {
      GITHUB_TOKEN: this.token,
      GITHUB_REPOSITORY: `${this.owner}/${this.repo}`,
      GITHUB_API_URL: this.apiUrl,
      RELEASE_GITHUB_WRITE_INTERVAL_MS: '0',
      RELEASE_GITHUB_RETRY_BASE_MS: '20',
      ...extra,
    };
  }

  mutations(from = 0): LogEntry[] {
    return this.log.slice(from).filter((e) => MUTATING.has(e.method));
  }

  release(tag: string): Rel | undefined {
    return this.releases.find((r) => r.tag_name === tag && !r.draft) ?? this.releases.find((r) => r.tag_name === tag);
  }

  assetsOf(releaseId: number): Asset[] {
    return this.assets.filter((a) => a.releaseId === releaseId).sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  sha256(a: Asset): string {
    return createHash('sha256').update(a.data).digest('hex');
  }

  /** Puts a release and assets in place directly (a state left by someone else). */
  seed(r: Partial<Rel> & { tag_name: string }, files: { name: string; data: Buffer; state?: 'uploaded' | 'open' }[] = []): Rel {
    const t = now();
    const rel: Rel = { id: this.#ids++, target_commitish: 'main', name: r.tag_name, body: '', draft: true, prerelease: false, immutable: false, created_at: t, published_at: null, updated_at: t, ...r };
    if (!rel.draft && !rel.published_at) rel.published_at = t;
    this.releases.push(rel);
    for (const f of files)
      this.assets.push({ id: this.#ids++, releaseId: rel.id, name: f.name, label: null, state: f.state ?? 'uploaded', content_type: 'application/octet-stream', size: f.data.length, data: f.data, created_at: t, updated_at: t });
    return rel;
  }

  #releaseJson(r: Rel) {
    const repoApi = `${this.apiUrl}/repos/${this.owner}/${this.repo}`;
    return {
      url: `${repoApi}/releases/${r.id}`,
      html_url: `https://github.com/${this.owner}/${this.repo}/releases/${r.draft ? `tag/untagged-${r.id}` : `tag/${r.tag_name}`}`,
      assets_url: `${repoApi}/releases/${r.id}/assets`,
      upload_url: `${this.uploadBase}/repos/${this.owner}/${this.repo}/releases/${r.id}/assets{?name,label}`,
      tarball_url: r.draft ? null : `${repoApi}/tarball/${r.tag_name}`,
      zipball_url: r.draft ? null : `${repoApi}/zipball/${r.tag_name}`,
      id: r.id,
      node_id: `RE_${r.id}`,
      tag_name: r.tag_name,
      target_commitish: r.target_commitish,
      name: r.name,
      body: r.body,
      draft: r.draft,
      prerelease: r.prerelease,
      immutable: r.immutable,
      created_at: r.created_at,
      published_at: r.published_at,
      updated_at: r.updated_at,
      author: USER(this.apiUrl),
      assets: this.assetsOf(r.id).map((a) => this.#assetJson(a)),
    };
  }

  #assetJson(a: Asset) {
    const rel = this.releases.find((r) => r.id === a.releaseId)!;
    return {
      url: `${this.apiUrl}/repos/${this.owner}/${this.repo}/releases/assets/${a.id}`,
      browser_download_url: `https://github.com/${this.owner}/${this.repo}/releases/download/${rel.draft ? `untagged-${rel.id}` : rel.tag_name}/${encodeURIComponent(a.name)}`,
      id: a.id,
      node_id: `RA_${a.id}`,
      name: a.name,
      label: a.label,
      state: a.state,
      content_type: a.content_type,
      size: a.size,
      digest: this.digests && a.state === 'uploaded' ? `sha256:${this.sha256(a)}` : null,
      download_count: 0,
      created_at: a.created_at,
      updated_at: a.updated_at,
      uploader: USER(this.apiUrl),
    };
  }

  #violation(text: string): void {
    this.violations.push(text);
  }

  #fault(op: OperationId, query: URLSearchParams, params: Record<string, string>): Fault | null {
    const f = this.faults.find((x) => x.op === op && (x.times ?? 1) > 0 && (!x.when || x.when({ query, params })));
    if (!f) return null;
    f.times = (f.times ?? 1) - 1;
    return f;
  }

  async #handle(origin: 'api' | 'uploads', req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    const method = req.method ?? 'GET';
    const entry: LogEntry = { origin, method, path: url.pathname + url.search, op: null, status: null, fault: null };
    this.log.push(entry);
    const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      entry.status = status;
      const text = body === undefined ? '' : JSON.stringify(body);
      res.writeHead(status, { ...(body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }), 'x-github-media-type': 'github.v3', ...headers });
      res.end(text);
    };

    // the signed download host GitHub redirects asset downloads to (not part of the API)
    if (origin === 'uploads' && url.pathname.startsWith('/_objects/')) {
      entry.origin = 'objects';
      const id = Number(url.pathname.split('/')[2]);
      const a = this.assets.find((x) => x.id === id);
      if (!a || this.#grants.get(url.searchParams.get('token') ?? '') !== id) return send(403, { message: 'Request has expired' });
      entry.status = 200;
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(a.data.length) });
      return void res.end(a.data);
    }

    const base = origin === 'api' ? '/api/v3' : '/api/uploads';
    const rel = url.pathname.startsWith(base) ? url.pathname.slice(base.length) : null;
    let op: Operation | undefined;
    let params: Record<string, string> = {};
    for (const o of this.#ops) {
      const m = rel === null || o.method !== method ? null : o.regex.exec(rel);
      if (m) {
        op = o;
        params = { ...m.groups };
        break;
      }
    }
    if (!op) {
      this.#violation(`${method} ${origin}${url.pathname}: no such operation in the OpenAPI description (on this origin)`);
      req.resume();
      return send(404, { message: 'Not Found', documentation_url: DOCS });
    }
    entry.op = op.id;
    if (op.server !== origin) this.#violation(`${op.id} was sent to the ${origin} origin; the spec serves it from ${op.server}`);

    // parameters
    for (const p of op.params) {
      const v = p.in === 'path' ? params[p.name] : p.in === 'query' ? url.searchParams.get(p.name) : null;
      if (p.in === 'header') continue;
      if (v === null || v === undefined) {
        if (p.required) this.#violation(`${op.id}: required ${p.in} parameter ${p.name} missing`);
        continue;
      }
      const problem = paramProblem(p, decodeURIComponent(v));
      if (problem) this.#violation(`${op.id}: ${problem}`);
    }
    for (const k of url.searchParams.keys()) if (!op.params.some((p) => p.in === 'query' && p.name === k)) this.#violation(`${op.id}: query parameter ${k} is not in the spec`);
    if (params.owner !== this.owner || params.repo !== this.repo) {
      req.resume();
      return send(404, { message: 'Not Found', documentation_url: DOCS });
    }
    const auth = req.headers.authorization ?? '';
    if (auth !== `token ${this.token}` && auth !== `Bearer ${this.token}`) {
      req.resume();
      // answered by GitHub for every operation, documented for few; exempt from the status check
      entry.status = 401;
      res.writeHead(401, { 'content-type': 'application/json; charset=utf-8' });
      return void res.end(JSON.stringify({ message: 'Bad credentials', documentation_url: DOCS, status: '401' }));
    }

    const fault = this.#fault(op.id, url.searchParams, params);
    entry.fault = fault?.kind ?? null;
    if (fault && (fault.kind === 'status' || fault.kind === 'rate-limit' || fault.kind === 'secondary-rate-limit' || fault.kind === 'already-exists')) {
      for await (const _ of req); // read the request whole, as GitHub does, so the client sees the answer
      if (fault.kind === 'status') return send(fault.status ?? 500, { message: 'Server Error', documentation_url: DOCS });
      if (fault.kind === 'rate-limit')
        return send(403, { message: 'API rate limit exceeded for installation.', documentation_url: DOCS }, { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000)) });
      if (fault.kind === 'secondary-rate-limit')
        return send(429, { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: DOCS }, { 'retry-after': '1' });
      return send(422, { message: 'Validation Failed', errors: [{ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' }], documentation_url: DOCS });
    }

    let result: { status: number; body?: unknown; headers?: Record<string, string> } | null;
    if (op.id === 'repos/upload-release-asset') result = await this.#upload(op, req, url, Number(params.release_id), fault);
    else {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const raw = Buffer.concat(chunks);
      let json: Record<string, unknown> | undefined;
      if (op.body) {
        const ct = req.headers['content-type'] ?? '';
        if (!ct.startsWith(op.body.contentType)) this.#violation(`${op.id}: request content-type '${ct}', the spec says ${op.body.contentType}`);
        try {
          json = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
        } catch {
          this.#violation(`${op.id}: request body is not JSON`);
        }
        if (json && op.body.validate && !op.body.validate(json)) this.#violation(`${op.id}: request body: ${errorsText(op.body.validate)}`);
        for (const k of Object.keys(json ?? {})) if (!op.body.schema.properties?.[k]) this.#violation(`${op.id}: request body property '${k}' is not in the spec`);
        entry.json = json;
      } else if (raw.length) this.#violation(`${op.id}: has a request body the spec does not describe`);
      result = this.#api(op.id, params, url, req, json ?? {});
    }
    if (result === null) return; // connection dropped on purpose
    if (fault?.kind === 'status-after') result = { status: fault.status ?? 502, body: { message: 'Bad Gateway', documentation_url: DOCS } };
    if (fault?.kind === 'drop-response') {
      entry.status = null;
      req.socket.destroy();
      return;
    }
    const injected = fault?.kind === 'status-after';
    const documented = op.responses.get(String(result.status));
    // GitHub answers 404 for a missing resource on every endpoint, documented or not; its body is still checked
    const generic = result.status === 404 && documented === undefined;
    if (generic && !isBasicError(result.body)) this.#violation(`${op.id}: 404 response body is not GitHub's Basic Error`);
    if (documented === undefined && !injected && !generic) this.#violation(`${op.id}: answered ${result.status}, which the spec does not document (${[...op.responses.keys()].join(', ')})`);
    if (documented && result.body !== undefined && !documented(result.body)) this.#violation(`${op.id}: ${result.status} response: ${errorsText(documented)}`);
    send(result.status, result.body, result.headers);
  }

  #api(id: OperationId, p: Record<string, string>, url: URL, req: http.IncomingMessage, body: Record<string, unknown>): { status: number; body?: unknown; headers?: Record<string, string> } {
    const notFound = { status: 404, body: { message: 'Not Found', documentation_url: DOCS } };
    const page = <T>(items: T[]) => {
      const per = Math.min(Number(url.searchParams.get('per_page') ?? 30), 100);
      const n = Number(url.searchParams.get('page') ?? 1);
      const last = Math.max(1, Math.ceil(items.length / per));
      const link = (k: number, rel: string) => {
        const u = new URL(url.href.replace('http://x', this.apiUrl.replace('/api/v3', '')));
        u.searchParams.set('page', String(k));
        u.searchParams.set('per_page', String(per));
        return `<${u.href}>; rel="${rel}"`;
      };
      const links = n < last ? [link(n + 1, 'next'), link(last, 'last')] : [];
      const headers: Record<string, string> = links.length ? { link: links.join(', ') } : {};
      return { status: 200, body: items.slice((n - 1) * per, n * per), headers };
    };
    const rel = this.releases.find((r) => r.id === Number(p.release_id));
    switch (id) {
      case 'repos/list-releases':
        return page([...this.releases].sort((a, b) => b.id - a.id).map((r) => this.#releaseJson(r)));
      case 'repos/get-release':
        return rel ? { status: 200, body: this.#releaseJson(rel) } : notFound;
      case 'repos/create-release': {
        const tag = body.tag_name as string;
        if (this.releases.some((r) => r.tag_name === tag && !r.draft))
          return { status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }], documentation_url: DOCS } };
        const r = this.seed({ tag_name: tag, name: (body.name as string) ?? tag, body: (body.body as string) ?? '', draft: body.draft === true, prerelease: body.prerelease === true });
        if (!r.draft) this.#publish(r);
        return { status: 201, body: this.#releaseJson(r), headers: { location: `${this.apiUrl}/repos/${this.owner}/${this.repo}/releases/${r.id}` } };
      }
      case 'repos/update-release': {
        if (!rel) return notFound;
        if (rel.immutable) return { status: 422, body: { message: 'Cannot modify an immutable release', documentation_url: DOCS } };
        for (const k of ['name', 'body', 'prerelease', 'tag_name'] as const) if (k in body) (rel as unknown as Record<string, unknown>)[k] = body[k];
        if (body.draft === false && rel.draft) {
          if (this.releases.some((r) => r !== rel && r.tag_name === rel.tag_name && !r.draft))
            return { status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }], documentation_url: DOCS } };
          this.#publish(rel);
        }
        rel.updated_at = now();
        return { status: 200, body: this.#releaseJson(rel) };
      }
      case 'repos/delete-release': {
        if (!rel) return notFound;
        this.releases.splice(this.releases.indexOf(rel), 1);
        for (const a of this.assetsOf(rel.id)) this.assets.splice(this.assets.indexOf(a), 1);
        return { status: 204 };
      }
      case 'repos/list-release-assets':
        return rel ? page(this.assetsOf(rel.id).map((a) => this.#assetJson(a))) : notFound;
      case 'repos/get-release-asset': {
        const a = this.assets.find((x) => x.id === Number(p.asset_id));
        if (!a) return notFound;
        if ((req.headers.accept ?? '').includes('application/octet-stream')) {
          const token = randomBytes(8).toString('hex');
          this.#grants.set(token, a.id);
          return { status: 302, headers: { location: `${this.uploadBase.replace('/api/uploads', '')}/_objects/${a.id}?token=${token}` } };
        }
        return { status: 200, body: this.#assetJson(a) };
      }
      case 'repos/delete-release-asset': {
        const a = this.assets.find((x) => x.id === Number(p.asset_id));
        if (!a) return notFound;
        const r = this.releases.find((x) => x.id === a.releaseId)!;
        if (r.immutable) return { status: 404, body: { message: 'Cannot delete an asset of an immutable release', documentation_url: DOCS } };
        this.assets.splice(this.assets.indexOf(a), 1);
        return { status: 204 };
      }
      case 'repos/upload-release-asset':
        throw new Error('uploads are handled by #upload');
    }
  }

  #publish(r: Rel): void {
    r.draft = false;
    r.published_at = now();
    if (this.immutableOnPublish) r.immutable = true;
    this.undrafts++;
    this.emit('published', r.tag_name);
  }

  /** Streams an upload in; the asset exists (state 'open') from the first byte, as on GitHub. */
  async #upload(op: Operation, req: http.IncomingMessage, url: URL, releaseId: number, fault: Fault | null): Promise<{ status: number; body?: unknown } | null> {
    const rel = this.releases.find((r) => r.id === releaseId);
    const name = url.searchParams.get('name') ?? '';
    const type = req.headers['content-type'];
    const length = req.headers['content-length'];
    if (!type) this.#violation(`${op.id}: no Content-Type (GitHub requires the asset's media type)`);
    if (length === undefined) this.#violation(`${op.id}: no Content-Length (GitHub requires it; chunked uploads are refused)`);
    if (!rel) {
      req.resume();
      return { status: 404, body: { message: 'Not Found', documentation_url: DOCS } };
    }
    if (rel.immutable || this.assets.some((a) => a.releaseId === releaseId && a.name === name)) {
      for await (const _ of req);
      return { status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' }], documentation_url: DOCS } };
    }
    const t = now();
    const asset: Asset = { id: this.#ids++, releaseId, name, label: url.searchParams.get('label'), state: 'open', content_type: type ?? '', size: 0, data: Buffer.alloc(0), created_at: t, updated_at: t };
    this.assets.push(asset);
    const expected = Number(length ?? 0);
    const chunks: Buffer[] = [];
    let got = 0;
    const complete = await new Promise<boolean>((resolve) => {
      req.on('data', (c: Buffer) => {
        chunks.push(c);
        got += c.length;
        asset.size = got;
        if (fault?.kind === 'drop-body' && got >= expected / 2) {
          req.socket.destroy();
          resolve(false);
        }
      });
      req.on('end', () => resolve(true));
      req.on('close', () => resolve(false));
    });
    asset.data = Buffer.concat(chunks);
    if (!complete || got !== expected) return null; // left 'open', half-written, as GitHub leaves it
    asset.state = 'uploaded';
    asset.updated_at = now();
    this.emit('uploaded', name);
    return { status: 201, body: this.#assetJson(asset) };
  }
}
