// Browser bundles of TypeScript sources (today: the record-body editor). esbuild bundles each entry
// with its npm dependencies into one minified script the first time it is asked for (or at start-up
// in production) and keeps it in memory; pages that need it load /assets/build/<name>.js. Small
// hand-written scripts stay plain files in public/js.
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

const here = path.dirname(fileURLToPath(import.meta.url));

/** name → entry file (relative to src/core). */
export const CLIENT_BUNDLES: Record<string, string> = {
  'rich-text-editor': '../ui/client/rich-text-editor.ts',
};

export function bundleUrl(name: keyof typeof CLIENT_BUNDLES & string): string {
  return `/assets/build/${name}.js`;
}

export interface Bundle {
  code: string;
  etag: string;
}

const built = new Map<string, Promise<Bundle>>();

export async function buildBundle(name: string): Promise<Bundle> {
  const entry = CLIENT_BUNDLES[name];
  if (!entry) throw new Error(`no client bundle named ${name}`);
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [path.resolve(here, entry)],
    bundle: true,
    write: false,
    minify: true,
    format: 'iife',
    target: ['es2020'],
    legalComments: 'eof',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.text;
  return { code, etag: `"${crypto.createHash('sha1').update(code).digest('base64url')}"` };
}

export function bundle(name: string): Promise<Bundle> {
  let p = built.get(name);
  if (!p) {
    p = buildBundle(name);
    p.catch(() => built.delete(name));
    built.set(name, p);
  }
  return p;
}

export function registerClientBundles(app: FastifyInstance, opts: { production: boolean }): void {
  if (opts.production) for (const name of Object.keys(CLIENT_BUNDLES)) void bundle(name).catch((err) => app.log.error({ err }, 'client bundle failed'));
  app.get<{ Params: { name: string } }>('/assets/build/:name', { schema: { hide: true } }, async (req, reply) => {
    const name = req.params.name.replace(/\.js$/, '');
    if (!Object.hasOwn(CLIENT_BUNDLES, name) || !req.params.name.endsWith('.js')) return reply.code(404).type('text/plain; charset=utf-8').send('没有这个文件。');
    const b = await bundle(name);
    reply.header('cache-control', opts.production ? 'public, max-age=86400' : 'no-cache');
    reply.header('etag', b.etag);
    return reply.type('text/javascript; charset=utf-8').send(b.code);
  });
}
