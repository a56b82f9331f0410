// GitHub's published OpenAPI description (@octokit/openapi), reduced to the release
// operations `release publish` uses, with ajv validators for their request bodies and
// responses. The dereferenced description is 70 MB: it is parsed once per test file and only
// the operations below are kept.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);
const Ajv = require('ajv') as typeof import('ajv').default;

export const OPERATION_IDS = [
  'repos/list-releases',
  'repos/create-release',
  'repos/get-release',
  'repos/update-release',
  'repos/delete-release',
  'repos/list-release-assets',
  'repos/upload-release-asset',
  'repos/get-release-asset',
  'repos/delete-release-asset',
] as const;

export type OperationId = (typeof OPERATION_IDS)[number];

interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  [k: string]: unknown;
}

export interface Param {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: Schema;
}

export interface Operation {
  id: OperationId;
  method: string;
  template: string;
  regex: RegExp;
  params: Param[];
  /** the spec's server for this operation: uploads.github.com for the upload endpoint */
  server: 'api' | 'uploads';
  body: { contentType: string; schema: Schema; validate: ValidateFunction | null } | null;
  /** documented status codes -> validator of the JSON body (null: no body documented) */
  responses: Map<string, ValidateFunction | null>;
}

interface RawOp {
  operationId: string;
  parameters?: { name: string; in: string; required?: boolean; schema: Schema }[];
  servers?: { url: string }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
}

let cached: Operation[] | null = null;

function newAjv() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('uri', { type: 'string', validate: (s: string) => URL.canParse(s) });
  ajv.addFormat('date-time', { type: 'string', validate: (s: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(s) && !Number.isNaN(Date.parse(s)) });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('binary', true);
  return ajv;
}

export function operations(): Operation[] {
  if (cached) return cached;
  // the tree's own node_modules (not helpers.ts's snapshot: this module also serves manual runs)
  const file = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'node_modules', '@octokit', 'openapi', 'generated', 'api.github.com.deref.json');
  const spec = JSON.parse(readFileSync(file, 'utf8')) as { servers: { url: string }[]; paths: Record<string, Record<string, RawOp>> };
  const ajv = newAjv();
  const out: Operation[] = [];
  for (const [template, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!op || typeof op !== 'object' || !(OPERATION_IDS as readonly string[]).includes(op.operationId)) continue;
      const params = (op.parameters ?? []).map((p) => ({ name: p.name, in: p.in as Param['in'], required: p.required === true, schema: p.schema }));
      const server = op.servers?.some((s) => new URL(s.url).hostname === 'uploads.github.com') ? 'uploads' : 'api';
      const [contentType, media] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
      const responses = new Map<string, ValidateFunction | null>();
      for (const [status, r] of Object.entries(op.responses)) {
        const json = r.content?.['application/json']?.schema;
        responses.set(status, json ? ajv.compile(json) : null);
      }
      const regex = new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{(\w+)\}/g, '(?<$1>[^/]+)')}$`);
      out.push({
        id: op.operationId as OperationId,
        method: method.toUpperCase(),
        template,
        regex,
        params,
        server,
        body: media ? { contentType: contentType!, schema: media.schema, validate: contentType === 'application/json' ? ajv.compile(media.schema) : null } : null,
        responses,
      });
    }
  }
  const missing = OPERATION_IDS.filter((id) => !out.some((o) => o.id === id));
  if (missing.length) throw new Error(`operations missing from the OpenAPI description: ${missing.join(', ')}`);
  cached = out;
  return out;
}

export function errorsText(v: ValidateFunction): string {
  return (v.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ');
}

/** Checks a parameter value (a string from the URL) against its schema type. */
export function paramProblem(p: Param, value: string): string | null {
  if (p.schema.type === 'integer' && !/^-?\d+$/.test(value)) return `${p.in} parameter ${p.name}='${value}' is not an integer`;
  if (p.schema.type === 'boolean' && value !== 'true' && value !== 'false') return `${p.in} parameter ${p.name}='${value}' is not a boolean`;
  const e = p.schema.enum as unknown[] | undefined;
  if (e && !e.includes(value)) return `${p.in} parameter ${p.name}='${value}' is not one of ${e.join(', ')}`;
  return null;
}
