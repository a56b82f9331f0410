// The GitHub publisher: one release per tag, found among all releases including drafts (the
// by-tag endpoint ignores drafts), created as a draft, its assets reconciled by name, size and
// sha256, and published once every asset is verified. Uses @octokit/rest with the retry and
// throttling plugins; requests that must not be replayed blindly (create, upload, publish) run
// without the retry plugin and recover by looking at what GitHub actually holds.

import { createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck';
import { E, StepError } from '../errors.ts';
import { formatBytes } from '../progress.ts';
import { assetMismatch, planGithub } from './plan.ts';
import type { DesiredAsset, DesiredRelease, GithubAction, ObservedAsset, ObservedGithub, ObservedRelease, Plan, Publisher, StepSink } from './types.ts';

export interface GithubConfig {
  token: string;
  owner: string;
  repo: string;
  apiUrl: string;
  /** where uploads go when nothing better is known; the release's upload_url always wins */
  uploadOrigin: string;
  /** spacing of writes; GitHub asks for at least a second between content-creating requests */
  writeIntervalMs: number;
  /** unit of the retry and rate-limit waits (a retry-after of N waits N units) */
  retryBaseMs: number;
}

/** GitHub.com uploads to uploads.github.com; GitHub Enterprise Server to <host>/api/uploads. */
export function uploadOriginFor(apiUrl: string): string {
  const u = new URL(apiUrl);
  if (u.hostname === 'api.github.com') return 'https://uploads.github.com';
  return `${u.origin}/api/uploads`;
}

/** Reads GITHUB_TOKEN, GITHUB_REPOSITORY and GITHUB_API_URL as GitHub Actions sets them. */
export function githubConfig(env: NodeJS.ProcessEnv): GithubConfig {
  const token = env.GITHUB_TOKEN;
  if (!token) throw E.githubTokenMissing();
  const repository = env.GITHUB_REPOSITORY;
  const m = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/.exec(repository ?? '');
  if (!m || m[2] === '.' || m[2] === '..') throw E.githubRepository(repository);
  const apiUrl = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(apiUrl);
  } catch {
    throw E.githubApiUrl(apiUrl);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw E.githubApiUrl(apiUrl);
  const num = (name: string, dflt: number) => {
    const v = env[name];
    if (v === undefined || v === '') return dflt;
    if (!/^\d+$/.test(v)) throw E.envNumber(name, v);
    return Number(v);
  };
  return {
    token,
    owner: m[1],
    repo: m[2],
    apiUrl,
    uploadOrigin: uploadOriginFor(apiUrl),
    writeIntervalMs: num('RELEASE_GITHUB_WRITE_INTERVAL_MS', 1000),
    retryBaseMs: num('RELEASE_GITHUB_RETRY_BASE_MS', 1000),
  };
}

/**
 * A request body read from a file. Octokit hands it to fetch untouched; our fetch turns it into
 * a fresh stream on every attempt, so a request the throttling plugin replays sends the whole
 * file again, and bytes sent are reported as they go.
 */
class FileBody {
  constructor(
    readonly file: string,
    readonly size: number,
    readonly onProgress: (done: number, total: number) => void,
  ) {}
  stream(): ReadableStream<Uint8Array> {
    let sent = 0;
    this.onProgress(0, this.size);
    const source = Readable.toWeb(createReadStream(this.file, { highWaterMark: 256 << 10 })) as ReadableStream<Uint8Array>;
    return source.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform: (chunk, ctl) => {
          sent += chunk.byteLength;
          this.onProgress(sent, this.size);
          ctl.enqueue(chunk);
        },
      }),
    );
  }
}

function fileAwareFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const body: unknown = init?.body;
  if (body instanceof FileBody) return fetch(input, { ...init, body: body.stream(), duplex: 'half' } as RequestInit);
  return fetch(input, init);
}

const ThrottledOctokit = Octokit.plugin(retry, throttling);
type Client = InstanceType<typeof ThrottledOctokit>;

interface HttpError {
  status: number;
  message: string;
  response?: { data?: unknown };
}

function httpError(e: unknown): HttpError | null {
  const s = (e as { status?: unknown } | null)?.status;
  return typeof s === 'number' ? (e as HttpError) : null;
}

/** Worth another try: server errors and lost connections (octokit reports those as 500). */
function transient(e: unknown): boolean {
  const h = httpError(e);
  return h !== null && h.status >= 500;
}

function alreadyExists(e: unknown): boolean {
  const h = httpError(e);
  if (!h || h.status !== 422) return false;
  const errors = (h.response?.data as { errors?: { code?: string }[] } | undefined)?.errors;
  return Array.isArray(errors) && errors.some((x) => x.code === 'already_exists');
}

interface ApiRelease {
  id: number;
  tag_name: string;
  draft: boolean;
  immutable?: boolean;
  upload_url: string;
}

interface ApiAsset {
  id: number;
  name: string;
  size: number;
  state: string;
  digest?: string | null;
}

const sha256OfDigest = (d: string | null | undefined): string | null => (d && /^sha256:[0-9a-f]{64}$/.test(d) ? d.slice(7) : null);

export class GithubPublisher implements Publisher<GithubAction> {
  readonly name = 'github';
  readonly octokit: Client;
  /** the release being worked on; set by plan(), replaced by create-release */
  #release: ObservedRelease | null = null;
  /** sha256 of assets this run has checked, by asset id, so the final check needs no second download */
  #verified = new Map<number, string>();

  constructor(
    readonly cfg: GithubConfig,
    readonly desired: DesiredRelease,
    /** messages outside any step (rate limits, retries) */
    readonly note: (line: string) => void,
  ) {
    // the plugin's own groups space writes 1 s apart and notifying writes (creating a release) 3 s
    const spaced = (ms: number) => new Bottleneck.Group({ maxConcurrent: 1, minTime: ms });
    this.octokit = new ThrottledOctokit({
      auth: cfg.token,
      baseUrl: cfg.apiUrl,
      userAgent: 'pyvm-release',
      request: { fetch: fileAwareFetch },
      // failed requests are reported where they are handled, so octokit's own error lines would repeat them
      log: { debug: () => {}, info: () => {}, warn: (m: string) => note(`github: ${m}`), error: () => {} },
      // 429 is the throttling plugin's to wait out; retrying it here too would double the waits
      retry: { retryAfterBaseValue: cfg.retryBaseMs, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
      throttle: {
        retryAfterBaseValue: cfg.retryBaseMs,
        write: spaced(cfg.writeIntervalMs),
        notifications: spaced(3 * cfg.writeIntervalMs),
        onRateLimit: (after: number, o: { method: string; url: string }, _k: unknown, count: number) => {
          note(`github: rate limit reached (${o.method} ${o.url}); retrying in ${after} s`);
          return count < 4;
        },
        onSecondaryRateLimit: (after: number, o: { method: string; url: string }, _k: unknown, count: number) => {
          note(`github: secondary rate limit (${o.method} ${o.url}); retrying in ${after} s`);
          return count < 4;
        },
      },
    });
  }

  get destination(): string {
    return `github ${this.cfg.owner}/${this.cfg.repo} ${this.desired.tag}`;
  }

  /** The release as the planner sees it. Uploads go to the upload_url GitHub gives; the origin derived from GITHUB_API_URL is only the fallback. */
  #toRelease(r: ApiRelease): ObservedRelease {
    const { owner, repo, uploadOrigin } = this.cfg;
    const uploadUrl = r.upload_url || `${uploadOrigin}/repos/${owner}/${repo}/releases/${r.id}/assets{?name,label}`;
    return { id: r.id, tag: r.tag_name, draft: r.draft, immutable: r.immutable === true, uploadUrl };
  }

  /** A failure the user can act on, in words; anything else is passed on. */
  #explain(e: unknown, doing: string): unknown {
    const h = httpError(e);
    const where = `${this.cfg.owner}/${this.cfg.repo} at ${this.cfg.apiUrl}`;
    if (!h) return e;
    if (h.status === 401) return E.github(`GitHub rejected GITHUB_TOKEN while trying to ${doing} (401: ${h.message}); the token is invalid or expired`);
    if (h.status === 403)
      return E.github(`GitHub refused to ${doing} in ${where} (403: ${h.message}); the token needs write access to the repository contents (permissions: contents: write)`);
    if (h.status === 404) return E.github(`GitHub answered 404 when trying to ${doing}: ${where} does not exist or GITHUB_TOKEN cannot see it`);
    // octokit reports a request that got no answer at all as a 500 without a response
    if (h.status === 500 && !h.response)
      return E.github(`cannot reach GitHub at ${this.cfg.apiUrl} to ${doing} (${h.message}); check GITHUB_API_URL and the network`);
    return e;
  }

  async #listReleases(): Promise<{ release: ObservedRelease | null; duplicates: ObservedRelease[] }> {
    const { owner, repo } = this.cfg;
    const all = await this.octokit.paginate(this.octokit.rest.repos.listReleases, { owner, repo, per_page: 100 }).catch((e: unknown) => {
      throw this.#explain(e, 'list the releases');
    });
    const mine = all.filter((r) => r.tag_name === this.desired.tag).map((r) => this.#toRelease(r));
    const release = mine.find((r) => !r.draft) ?? [...mine].sort((a, b) => a.id - b.id)[0] ?? null;
    return { release, duplicates: mine.filter((r) => r !== release && r.draft) };
  }

  async #listAssets(releaseId: number): Promise<ApiAsset[]> {
    const { owner, repo } = this.cfg;
    return this.octokit.paginate(this.octokit.rest.repos.listReleaseAssets, { owner, repo, release_id: releaseId, per_page: 100 });
  }

  /** sha256 of an asset's bytes as GitHub serves them (through the API, so drafts work too). */
  async #download(assetId: number, sink?: StepSink, size = 0): Promise<string> {
    const { owner, repo } = this.cfg;
    const res = await this.octokit.request('GET /repos/{owner}/{repo}/releases/assets/{asset_id}', {
      owner,
      repo,
      asset_id: assetId,
      headers: { accept: 'application/octet-stream' },
      request: { parseSuccessResponseBody: false },
    });
    const h = createHash('sha256');
    let got = 0;
    for await (const chunk of res.data as unknown as ReadableStream<Uint8Array>) {
      h.update(chunk);
      got += chunk.byteLength;
      sink?.progress(got, size);
    }
    return h.digest('hex');
  }

  /** An API asset as the planner sees it; hashes it by download when GitHub gives no digest and the rest matches. */
  async #observeAsset(a: ApiAsset, want: DesiredAsset | undefined, sink?: StepSink): Promise<ObservedAsset> {
    const fromApi = sha256OfDigest(a.digest);
    const o: ObservedAsset = { id: a.id, name: a.name, size: a.size, state: a.state, sha256: fromApi, digestSource: fromApi ? 'api' : null };
    if (!fromApi && want && a.state === 'uploaded' && a.size === want.size) {
      o.sha256 = this.#verified.get(a.id) ?? (await this.#download(a.id, sink, a.size));
      o.digestSource = 'download';
    }
    if (o.sha256 && want && o.sha256 === want.sha256) this.#verified.set(a.id, o.sha256);
    return o;
  }

  async observe(): Promise<ObservedGithub> {
    const { release, duplicates } = await this.#listReleases();
    this.#release = release;
    if (!release) return { release, duplicates, assets: [] };
    const want = new Map(this.desired.assets.map((a) => [a.name, a]));
    const assets: ObservedAsset[] = [];
    try {
      for (const a of await this.#listAssets(release.id)) assets.push(await this.#observeAsset(a, want.get(a.name)));
    } catch (e) {
      throw this.#explain(e, `read the assets of release ${release.tag}`);
    }
    return { release, duplicates, assets };
  }

  async plan(): Promise<Plan<GithubAction>> {
    return planGithub(this.desired, await this.observe(), this.destination);
  }

  describe(a: GithubAction): string {
    switch (a.type) {
      case 'delete-release':
        return `delete draft release ${a.releaseId}: ${a.reason}`;
      case 'create-release':
        return `create draft release ${a.tag} "${a.title}"${a.prerelease ? ' (prerelease)' : ''}`;
      case 'delete-asset':
        return `delete asset ${a.name} (${a.assetId}): ${a.reason}`;
      case 'upload-asset':
        return `upload ${a.asset.name} (${formatBytes(a.asset.size)}, ${a.asset.contentType})${a.reason === 'missing' ? '' : `, replacing one with ${a.reason}`}`;
      case 'publish-release':
        return `publish ${a.tag} (draft -> published) after checking every asset`;
    }
  }

  label(a: GithubAction): string {
    switch (a.type) {
      case 'delete-release':
        return `delete-release:${a.releaseId}`;
      case 'create-release':
        return 'create-release';
      case 'delete-asset':
        return `delete:${a.name}`;
      case 'upload-asset':
        return `upload:${a.asset.name}`;
      case 'publish-release':
        return 'publish-release';
    }
  }

  bytes(a: GithubAction): number {
    return a.type === 'upload-asset' ? a.asset.size : 0;
  }

  async apply(a: GithubAction, sink: StepSink): Promise<void> {
    const { owner, repo } = this.cfg;
    switch (a.type) {
      case 'delete-release':
        return this.#gone(() => this.octokit.rest.repos.deleteRelease({ owner, repo, release_id: a.releaseId }), `delete release ${a.releaseId}`);
      case 'delete-asset':
        return this.#gone(() => this.octokit.rest.repos.deleteReleaseAsset({ owner, repo, asset_id: a.assetId }), `delete asset ${a.name}`);
      case 'create-release':
        return this.#create(sink);
      case 'upload-asset':
        return this.#upload(a.asset, sink);
      case 'publish-release':
        return this.#publish(sink);
    }
  }

  /** Deletes, treating 404 as done: a delete repeated after a lost answer finds nothing. */
  async #gone(del: () => Promise<unknown>, doing: string): Promise<void> {
    try {
      await del();
    } catch (e) {
      if (httpError(e)?.status !== 404) throw this.#explain(e, doing);
    }
  }

  #backoff(attempt: number): Promise<void> {
    return sleep(this.cfg.retryBaseMs * attempt * attempt);
  }

  /** Creates the draft once: after a failed create, the release list says whether GitHub made it anyway. */
  async #create(sink: StepSink): Promise<void> {
    const { owner, repo } = this.cfg;
    const d = this.desired;
    let last: unknown;
    for (let attempt = 1; attempt <= 4; attempt++) {
      try {
        const r = await this.octokit.rest.repos.createRelease({
          owner,
          repo,
          tag_name: d.tag,
          name: d.title,
          body: d.notes,
          draft: true,
          prerelease: d.prerelease,
          request: { retries: 0 },
        });
        this.#release = this.#toRelease(r.data);
        return;
      } catch (e) {
        if (!transient(e)) throw this.#explain(e, `create release ${d.tag}`);
        last = e;
        sink.log(`create failed (${httpError(e)!.status}: ${httpError(e)!.message}); checking whether GitHub made it anyway`);
        await this.#backoff(attempt);
        const found = await this.#listReleases();
        if (found.release) {
          this.#release = found.release;
          sink.log(`found release ${found.release.id}; using it`);
          return;
        }
      }
    }
    throw last;
  }

  #current(): ObservedRelease {
    if (!this.#release) throw new Error('no release to work on: the plan had no create-release and none was observed');
    return this.#release;
  }

  /** Checks an uploaded asset's bytes: GitHub's digest when it sends one, else a download. */
  async #verify(a: ApiAsset, want: DesiredAsset, sink: StepSink): Promise<string | null> {
    const o = await this.#observeAsset(a, want, sink);
    const why = assetMismatch(o, want);
    if (!why) sink.log(`verified sha256 ${want.sha256.slice(0, 16)}… (${o.digestSource === 'api' ? "GitHub's digest" : 'downloaded'})`);
    return why;
  }

  async #upload(want: DesiredAsset, sink: StepSink): Promise<void> {
    const { owner, repo } = this.cfg;
    let last: unknown;
    for (let attempt = 1; attempt <= 4; attempt++) {
      const rel = this.#current();
      try {
        const res = await this.octokit.request(`POST ${rel.uploadUrl}`, {
          name: want.name,
          data: new FileBody(want.file, want.size, (done, total) => sink.progress(done, total)),
          headers: { 'content-type': want.contentType, 'content-length': String(want.size) },
          request: { retries: 0 },
        });
        const why = await this.#verify(res.data as ApiAsset, want, sink);
        if (!why) return;
        last = new StepError(`github:upload:${want.name}`, `GitHub stored different bytes for ${want.name}: ${why}`);
        sink.log(`after upload: ${why}; deleting it and uploading again`);
        await this.#gone(() => this.octokit.rest.repos.deleteReleaseAsset({ owner, repo, asset_id: (res.data as ApiAsset).id }), `delete asset ${want.name}`);
        continue;
      } catch (e) {
        if (!transient(e) && !alreadyExists(e)) throw this.#explain(e, `upload ${want.name}`);
        last = e;
        const h = httpError(e)!;
        sink.log(`upload failed (${h.status}: ${h.message}); checking what GitHub holds`);
      }
      // A lost connection or lost answer: the asset may be complete, half-written, or absent.
      await this.#backoff(attempt);
      const there = (await this.#listAssets(rel.id)).find((x) => x.name === want.name);
      if (!there) continue;
      const why = await this.#verify(there, want, sink);
      if (!why) return;
      sink.log(`GitHub holds ${want.name} with ${why}; deleting it`);
      await this.#gone(() => this.octokit.rest.repos.deleteReleaseAsset({ owner, repo, asset_id: there.id }), `delete asset ${want.name}`);
    }
    throw last;
  }

  /** Undrafts once, and only when the release holds exactly the desired assets, each verified. */
  async #publish(sink: StepSink): Promise<void> {
    const { owner, repo } = this.cfg;
    const rel = this.#current();
    const want = new Map(this.desired.assets.map((a) => [a.name, a]));
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const a of await this.#listAssets(rel.id)) {
      seen.add(a.name);
      const d = want.get(a.name);
      const why = d ? assetMismatch(await this.#observeAsset(a, d), d) : 'not part of this release';
      if (why) problems.push(`${a.name}: ${why}`);
    }
    for (const n of want.keys()) if (!seen.has(n)) problems.push(`${n}: missing`);
    if (problems.length) throw new StepError('github:publish', `not publishing ${rel.tag}: the draft's assets are not all in place`, problems.map((p) => `  ${p}\n`).join(''));
    sink.log(`all ${want.size} assets verified`);
    let last: unknown;
    for (let attempt = 1; attempt <= 4; attempt++) {
      try {
        const r = await this.octokit.rest.repos.updateRelease({
          owner,
          repo,
          release_id: rel.id,
          draft: false,
          name: this.desired.title,
          body: this.desired.notes,
          prerelease: this.desired.prerelease,
          request: { retries: 0 },
        });
        this.#release = this.#toRelease(r.data);
        sink.log(`published ${r.data.html_url}`);
        return;
      } catch (e) {
        if (!transient(e)) throw this.#explain(e, `publish release ${rel.tag}`);
        last = e;
        await this.#backoff(attempt);
        // the answer may be what was lost: never send a second undraft for a published release
        const now = await this.octokit.rest.repos.getRelease({ owner, repo, release_id: rel.id });
        if (!now.data.draft) {
          this.#release = this.#toRelease(now.data);
          return;
        }
      }
    }
    throw last;
  }
}
