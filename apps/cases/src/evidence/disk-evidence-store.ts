import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256Of } from './evidence-integrity.js';
import { EvidenceStore, storeKeyOf } from './evidence-store.js';

async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Local-disk adapter: `<dir>/<first two hex>/<sha256>`. A file appears whole or not at all:
 * written to `<dir>/tmp`, fsynced, renamed into place, and the directory fsynced, so a crash
 * never leaves half a file under an evidence hash.
 */
export class DiskEvidenceStore extends EvidenceStore {
  constructor(private readonly dir: string) {
    super();
  }

  pathOf(sha256: string): string {
    const key = storeKeyOf(sha256);
    return join(this.dir, key.slice(0, 2), key);
  }

  async put(sha256: string, bytes: Buffer): Promise<void> {
    const target = this.pathOf(sha256);
    // Content-addressed: a sound file under the hash already holds these bytes; a damaged one is replaced.
    const current = await this.get(sha256);
    if (current && sha256Of(current) === sha256) return;
    const tmpDir = join(this.dir, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    await mkdir(join(this.dir, sha256.slice(0, 2)), { recursive: true });
    const tmp = join(tmpDir, `${sha256}.${randomUUID()}`);
    const handle = await open(tmp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(tmp, target);
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
    await fsyncPath(join(this.dir, sha256.slice(0, 2)));
  }

  async get(sha256: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(sha256));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }
}
