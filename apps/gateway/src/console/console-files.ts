import { stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

/** Extensions of files a build emits; a route such as /indicators/17.1 is not one of them. */
const ASSET_EXTENSIONS = new Set(['.js', '.css', '.map', '.html', '.json', '.svg', '.png', '.jpg', '.ico', '.woff', '.woff2', '.txt']);

/** Paths the SPA fallback must never answer with index.html: they belong to the API or operations. */
const SERVER_PATHS = /^\/(api|health|ready|metrics)(\/|$)/;

export type ConsoleAnswer = { kind: 'file'; path: string; hashed: boolean } | { kind: 'index' } | { kind: 'not_found' };

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}

/**
 * What to answer for a GET under the console root: an existing file, the SPA's index.html for a
 * client-side route (e.g. /leads/123), or a 404 for server paths and missing assets.
 */
export async function resolveConsolePath(root: string, urlPath: string): Promise<ConsoleAnswer> {
  let pathname: string;
  try {
    pathname = decodeURIComponent(urlPath.split('?')[0]!);
  } catch {
    return { kind: 'not_found' };
  }
  if (SERVER_PATHS.test(pathname)) return { kind: 'not_found' };
  const absolute = resolve(root, `.${pathname}`);
  if (!absolute.startsWith(root + sep) && absolute !== root) return { kind: 'not_found' };
  if (absolute !== root && (await isFile(absolute))) {
    return { kind: 'file', path: absolute.slice(root.length + 1).split(sep).join('/'), hashed: pathname.startsWith('/assets/') };
  }
  // A missing asset (a stale /assets/x.js) is a real 404, not the app shell.
  if (pathname.startsWith('/assets/') || ASSET_EXTENSIONS.has(extname(pathname).toLowerCase())) return { kind: 'not_found' };
  return (await isFile(resolve(root, 'index.html'))) ? { kind: 'index' } : { kind: 'not_found' };
}
