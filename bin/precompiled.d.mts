/** The file URL of the precompiled copy of module rel (e.g. 'release/cli.ts'), built if needed. */
export function precompiled(rel: string): string;
