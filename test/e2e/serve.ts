// E2E helper: builds the app with `vite build` into a temp folder and serves it from a sub-folder on 127.0.0.1. Test-only; touches no source.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { promisify } from 'node:util';

/** Served under a sub-folder, so a site that only works from `/` fails the tests. */
export const SUB_PATH = '/labs/hallyu/';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface ServedApp {
  /** The app's URL, ending in SUB_PATH. */
  readonly url: string;
  close(): Promise<void>;
}

/** Runs `vite build` (the project's own config, base './') into a fresh temp folder; returns the folder. */
export async function buildApp(root: string = resolve(import.meta.dirname, '../..')): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'hallyu-e2e-'));
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  try {
    await promisify(execFile)(
      process.execPath,
      [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
      {
        cwd: root,
        maxBuffer: 16 * 1024 * 1024,
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      },
    );
  } catch (error) {
    await rm(outDir, { recursive: true, force: true });
    // biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI colour codes from the build log
    const log = String((error as { stderr?: string }).stderr || error).replace(/\x1b\[[0-9;]*m/g, '');
    throw new Error(`vite build failed:\n${log.slice(0, 3000)}`);
  }
  return outDir;
}

/** Serves `folder` as static files under SUB_PATH on a random port of 127.0.0.1. */
export async function serveFolder(folder: string): Promise<ServedApp> {
  const base = resolve(folder);
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(SUB_PATH)) {
      response.writeHead(404).end('outside the app folder');
      return;
    }
    const relative = path.slice(SUB_PATH.length) || 'index.html';
    const file = normalize(join(base, relative));
    if (file !== base && !file.startsWith(base + sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const info = await stat(file);
      const target = info.isDirectory() ? join(file, 'index.html') : file;
      const body = await readFile(target);
      response.writeHead(200, {
        'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      response.end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${SUB_PATH}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** Builds and serves the app; `close()` stops the server and deletes the build. `extraFiles` are written into the build first. */
export async function startApp(extraFiles: Readonly<Record<string, string>> = {}): Promise<ServedApp> {
  const folder = await buildApp();
  for (const [name, text] of Object.entries(extraFiles)) {
    await mkdir(dirname(join(folder, name)), { recursive: true });
    await writeFile(join(folder, name), text);
  }
  const served = await serveFolder(folder);
  return {
    url: served.url,
    close: async () => {
      await served.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
