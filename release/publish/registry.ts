// A small client for the OCI distribution API over fetch: the few calls a push needs (HEAD
// blob, monolithic blob upload, HEAD and PUT manifest), with the registry token handshake
// (401 + WWW-Authenticate: Bearer realm=...) that ghcr.io and Docker Hub use, and Basic auth.

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { E } from '../errors.ts';

export interface OciRef {
  registry: string;
  repository: string;
  /** null: push every tag the layout names */
  tag: string | null;
  plainHttp: boolean;
}

// the distribution spec's grammar for repository names and tags
const REPO = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;

function isLoopback(host: string): boolean {
  const h = host.replace(/:\d+$/, '');
  return h === 'localhost' || h === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/** REGISTRY/REPOSITORY[:TAG]; loopback registries are spoken to over plain http, like docker does. */
export function parseOciRef(ref: string, forcePlainHttp = false): OciRef {
  if (ref.includes('://')) throw E.ociRef(ref, 'must not have a scheme');
  if (ref.includes('@')) throw E.ociRef(ref, 'names a digest; give a tag or none');
  const slash = ref.indexOf('/');
  const registry = slash < 0 ? '' : ref.slice(0, slash);
  if (!registry || !(registry.includes('.') || registry.includes(':') || registry === 'localhost'))
    throw E.ociRef(ref, 'names no registry host (the part before the first / must be a host such as ghcr.io)');
  const rest = ref.slice(slash + 1);
  const colon = rest.lastIndexOf(':');
  const repository = colon < 0 ? rest : rest.slice(0, colon);
  const tag = colon < 0 ? null : rest.slice(colon + 1);
  if (!REPO.test(repository)) throw E.ociRef(ref, `has an invalid repository name '${repository}' (lower case letters, digits, separators . _ - and /)`);
  if (tag !== null && !TAG.test(tag)) throw E.ociRef(ref, `has an invalid tag '${tag}'`);
  return { registry, repository, tag, plainHttp: forcePlainHttp || isLoopback(registry) };
}

const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
];

export interface Credentials {
  username: string;
  password: string;
}

type Body = () => NonNullable<RequestInit['body']> | ReadableStream<Uint8Array>;

export class RegistryError extends Error {
  override name = 'RegistryError';
}

export class RegistryClient {
  readonly base: string;
  #auth: string | null = null;

  constructor(
    readonly ref: OciRef,
    readonly credentials: Credentials | null,
    readonly retryBaseMs = 500,
  ) {
    this.base = `${ref.plainHttp ? 'http' : 'https'}://${ref.registry}/v2/${ref.repository}`;
  }

  /** Asks the realm for a token (Bearer) or uses the credentials directly (Basic). */
  async #authenticate(challenge: string): Promise<boolean> {
    const basic = this.credentials ? `Basic ${Buffer.from(`${this.credentials.username}:${this.credentials.password}`).toString('base64')}` : null;
    if (/^Basic/i.test(challenge)) {
      if (!basic || this.#auth === basic) return false;
      this.#auth = basic;
      return true;
    }
    const params = Object.fromEntries([...challenge.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (!/^Bearer/i.test(challenge) || !params.realm) return false;
    const url = new URL(params.realm);
    if (params.service) url.searchParams.set('service', params.service);
    url.searchParams.set('scope', `repository:${this.ref.repository}:pull,push`);
    const res = await fetch(url, { headers: basic ? { authorization: basic } : {} });
    if (!res.ok) throw E.registry(`${this.ref.registry} refused a push token for ${this.ref.repository} (${res.status}); check RELEASE_OCI_USERNAME and RELEASE_OCI_PASSWORD`);
    const j = (await res.json()) as { token?: string; access_token?: string };
    const token = j.token ?? j.access_token;
    if (!token) return false;
    this.#auth = `Bearer ${token}`;
    return true;
  }

  /** One request, authenticating when challenged and retrying lost connections and 5xx. */
  async #request(method: string, url: string, headers: Record<string, string> = {}, body?: Body): Promise<Response> {
    let authTries = 0;
    for (let attempt = 1; ; attempt++) {
      let res: Response;
      try {
        const b = body?.();
        res = await fetch(url, {
          method,
          headers: { ...headers, ...(this.#auth ? { authorization: this.#auth } : {}) },
          ...(b === undefined ? {} : { body: b, duplex: 'half' }),
          redirect: 'follow',
        } as RequestInit);
      } catch (e) {
        if (attempt >= 3) throw E.registry(`cannot reach ${this.ref.registry} (${method} ${url}): ${(e as Error & { cause?: Error }).cause?.message ?? (e as Error).message}`);
        await sleep(this.retryBaseMs * attempt);
        continue;
      }
      if (res.status === 401 && authTries++ < 2 && (await this.#authenticate(res.headers.get('www-authenticate') ?? ''))) {
        await res.body?.cancel();
        attempt--;
        continue;
      }
      if (res.status >= 500 && attempt < 3) {
        await res.body?.cancel();
        await sleep(this.retryBaseMs * attempt);
        continue;
      }
      return res;
    }
  }

  async #fail(res: Response, what: string): Promise<never> {
    const text = await res.text().catch(() => '');
    if (res.status === 401 || res.status === 403)
      throw E.registry(`${this.ref.registry} refused to ${what} (${res.status}); pushing to ${this.ref.repository} needs credentials (RELEASE_OCI_USERNAME, RELEASE_OCI_PASSWORD)`);
    throw new RegistryError(`${this.ref.registry}: ${what} failed: ${res.status} ${res.statusText} ${text.slice(0, 300)}`);
  }

  async hasBlob(digest: string): Promise<boolean> {
    const res = await this.#request('HEAD', `${this.base}/blobs/${digest}`);
    if (res.status === 200) return true;
    if (res.status === 404) return false;
    return this.#fail(res, `check blob ${digest}`);
  }

  /** The digest a manifest reference (tag or digest) resolves to, or null when absent. */
  async manifestDigest(reference: string): Promise<string | null> {
    const res = await this.#request('HEAD', `${this.base}/manifests/${reference}`, { accept: MANIFEST_TYPES.join(', ') });
    if (res.status === 404) return null;
    if (res.status !== 200) return this.#fail(res, `check manifest ${reference}`);
    const d = res.headers.get('docker-content-digest');
    if (d) return d;
    if (reference.startsWith('sha256:')) return reference;
    // registries need not send the header on HEAD; the body's hash is the digest
    const get = await this.#request('GET', `${this.base}/manifests/${reference}`, { accept: MANIFEST_TYPES.join(', ') });
    if (get.status !== 200) return this.#fail(get, `read manifest ${reference}`);
    return `sha256:${createHash('sha256').update(Buffer.from(await get.arrayBuffer())).digest('hex')}`;
  }

  /** POST an upload session, then PUT the whole blob to it with its digest. */
  async uploadBlob(digest: string, file: string, size: number, onProgress: (done: number, total: number) => void): Promise<void> {
    const start = await this.#request('POST', `${this.base}/blobs/uploads/`, { 'content-length': '0' });
    if (start.status !== 202) return this.#fail(start, `start uploading blob ${digest}`);
    await start.body?.cancel();
    const location = start.headers.get('location');
    if (!location) throw new RegistryError(`${this.ref.registry} started an upload without a Location`);
    const url = new URL(location, this.base);
    url.searchParams.set('digest', digest);
    const body = () => {
      let sent = 0;
      onProgress(0, size);
      return (Readable.toWeb(createReadStream(file, { highWaterMark: 256 << 10 })) as ReadableStream<Uint8Array>).pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, ctl) {
            sent += chunk.byteLength;
            onProgress(sent, size);
            ctl.enqueue(chunk);
          },
        }),
      );
    };
    const put = await this.#request('PUT', url.href, { 'content-type': 'application/octet-stream', 'content-length': String(size) }, body);
    if (put.status !== 201) return this.#fail(put, `upload blob ${digest}`);
    await put.body?.cancel();
    const got = put.headers.get('docker-content-digest');
    if (got && got !== digest) throw new RegistryError(`${this.ref.registry} stored blob ${digest} as ${got}`);
  }

  async putManifest(reference: string, mediaType: string, bytes: Buffer, digest: string): Promise<void> {
    const res = await this.#request('PUT', `${this.base}/manifests/${reference}`, { 'content-type': mediaType, 'content-length': String(bytes.length) }, () => bytes);
    if (res.status !== 201) return this.#fail(res, `put manifest ${reference}`);
    await res.body?.cancel();
    const got = res.headers.get('docker-content-digest');
    if (got && got !== digest) throw new RegistryError(`${this.ref.registry} stored manifest ${reference} as ${got}, expected ${digest}`);
  }
}
