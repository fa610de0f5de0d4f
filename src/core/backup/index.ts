// Backup and restore of a deployment: the database and the uploaded files, in one .tar.gz with a
// manifest of checksums. Independent of pg_dump (whose version must match the server's): every table
// is COPYed out inside one REPEATABLE READ, READ ONLY transaction, so the copy is consistent while the
// app runs. Files are content-addressed and never change, and a file is stored before the row naming
// it commits, so the files on disk once the snapshot is taken cover every row in it.
// Restore: into an empty database (or, with force, an emptied one), migrations first, then COPY in
// with user triggers (the audit log's append-only guard) and foreign keys set aside, sequences reset,
// and every table read back and compared with the manifest's row counts and checksums.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import pg from 'pg';
import { to as copyTo, from as copyFrom } from 'pg-copy-streams';
import tar from 'tar-stream';
import { runMigrations } from '../db/index.ts';

export const BACKUP_FORMAT = 'gongkai-backup';
export const BACKUP_VERSION = 1;

export interface TableEntry {
  name: string;
  columns: string[];
  rows: number;
  bytes: number;
  sha256: string;
}

export interface FileEntry {
  /** Path inside the archive (files/ab/cd/<sha256>, config/…). */
  path: string;
  size: number;
  sha256: string;
}

export interface Manifest {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  serverVersion: string;
  /** The newest migration applied to the backed-up database. */
  migration: { count: number; lastCreatedAt: number };
  tables: TableEntry[];
  files: FileEntry[];
}

export interface BackupSources {
  databaseUrl: string;
  /** DATA_DIR/files: the uploaded files. */
  filesDir: string;
  /** Files kept outside the database that the app needs to go on (the audit key, checkpoints). */
  extraFiles: { archivePath: string; file: string }[];
}

async function sha256File(file: string): Promise<string> {
  const h = crypto.createHash('sha256');
  await pipeline(fs.createReadStream(file), h);
  return h.digest('hex');
}

function walk(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile() && !e.name.endsWith('.tmp')) out.push(p);
  }
  return out;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The tables of the public schema and their copyable columns (generated columns are recomputed). */
async function listTables(client: pg.ClientBase): Promise<{ name: string; columns: string[] }[]> {
  const { rows } = await client.query<{ table_name: string; columns: string[] }>(
    `SELECT c.relname AS table_name, array_agg(a.attname::text ORDER BY a.attnum) AS columns
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
      GROUP BY c.relname ORDER BY c.relname`,
  );
  return rows.map((r) => ({ name: r.table_name, columns: r.columns }));
}

/** Copies one table out to a file; returns its byte count, line (row) count and sha256. */
async function copyOut(client: pg.ClientBase, table: string, columns: string[], file: string): Promise<{ rows: number; bytes: number; sha256: string }> {
  const h = crypto.createHash('sha256');
  let rows = 0;
  let bytes = 0;
  const source = client.query(copyTo(`COPY ${ident(table)} (${columns.map(ident).join(', ')}) TO STDOUT`));
  const sink = fs.createWriteStream(file);
  await pipeline(
    source,
    async function* (chunks: AsyncIterable<Buffer>) {
      for await (const chunk of chunks) {
        h.update(chunk);
        bytes += chunk.length;
        for (let i = 0; i < chunk.length; i++) if (chunk[i] === 0x0a) rows++;
        yield chunk;
      }
    },
    sink,
  );
  return { rows, bytes, sha256: h.digest('hex') };
}

/** Checksum of a table as it is now, in the form a backup stores (for the check after restore). */
async function tableChecksum(client: pg.ClientBase, table: string, columns: string[]): Promise<{ rows: number; sha256: string }> {
  const h = crypto.createHash('sha256');
  let rows = 0;
  const source = client.query(copyTo(`COPY ${ident(table)} (${columns.map(ident).join(', ')}) TO STDOUT`));
  await pipeline(
    source,
    new Writable({
      write(chunk: Buffer, _enc, cb) {
        h.update(chunk);
        for (let i = 0; i < chunk.length; i++) if (chunk[i] === 0x0a) rows++;
        cb();
      },
    }),
  );
  return { rows, sha256: h.digest('hex') };
}

/**
 * Writes a backup archive to `outFile` (a .tar.gz). The database is read in one snapshot; the
 * running app goes on writing meanwhile.
 */
export async function createBackup(src: BackupSources, outFile: string, log: (line: string) => void = () => {}): Promise<Manifest> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-backup-'));
  try {
    const client = new pg.Client({ connectionString: src.databaseUrl, application_name: 'gongkai-backup' });
    await client.connect();
    const tables: TableEntry[] = [];
    let serverVersion = '';
    let migration = { count: 0, lastCreatedAt: 0 };
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      serverVersion = (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v;
      const m = await client.query<{ n: string; last: string | null }>(
        `SELECT count(*) AS n, max(created_at) AS last FROM drizzle.__drizzle_migrations`,
      );
      migration = { count: Number(m.rows[0]!.n), lastCreatedAt: Number(m.rows[0]!.last ?? 0) };
      for (const t of await listTables(client)) {
        const r = await copyOut(client, t.name, t.columns, path.join(work, `${t.name}.copy`));
        tables.push({ name: t.name, columns: t.columns, ...r });
        log(`数据表 ${t.name}：${r.rows} 行`);
      }
      await client.query('COMMIT');
    } finally {
      await client.end().catch(() => {});
    }

    // After the snapshot: every file a row in it names is already on disk.
    const files: FileEntry[] = [];
    const sources = new Map<string, string>();
    for (const file of walk(src.filesDir)) {
      const rel = path.relative(src.filesDir, file).split(path.sep).join('/');
      const archivePath = `files/${rel}`;
      files.push({ path: archivePath, size: fs.statSync(file).size, sha256: await sha256File(file) });
      sources.set(archivePath, file);
    }
    for (const extra of src.extraFiles) {
      for (const file of fs.existsSync(extra.file) && fs.statSync(extra.file).isDirectory() ? walk(extra.file) : fs.existsSync(extra.file) ? [extra.file] : []) {
        const archivePath = fs.statSync(extra.file).isDirectory() ? `${extra.archivePath}/${path.relative(extra.file, file).split(path.sep).join('/')}` : extra.archivePath;
        files.push({ path: archivePath, size: fs.statSync(file).size, sha256: await sha256File(file) });
        sources.set(archivePath, file);
      }
    }
    log(`文件：${files.length} 个`);

    const manifest: Manifest = { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date().toISOString(), serverVersion, migration, tables, files };
    const pack = tar.pack();
    fs.mkdirSync(path.dirname(path.resolve(outFile)), { recursive: true });
    const tmpOut = `${outFile}.${process.pid}.partial`;
    const written = pipeline(pack, zlib.createGzip({ level: 6 }), fs.createWriteStream(tmpOut, { mode: 0o600 }));
    const addFile = (name: string, file: string, size: number) =>
      new Promise<void>((resolve, reject) => {
        const entry = pack.entry({ name, size, mode: 0o600 }, (err) => (err ? reject(err) : resolve()));
        fs.createReadStream(file).on('error', reject).pipe(entry);
      });
    const manifestJson = Buffer.from(JSON.stringify(manifest, null, 2));
    // The manifest first, so a restore can check the archive before it changes anything.
    await new Promise<void>((resolve, reject) => pack.entry({ name: 'manifest.json', size: manifestJson.length }, manifestJson, (err) => (err ? reject(err) : resolve())));
    for (const t of tables) await addFile(`db/${t.name}.copy`, path.join(work, `${t.name}.copy`), t.bytes);
    for (const f of files) await addFile(f.path, sources.get(f.path)!, f.size);
    pack.finalize();
    await written;
    const fd = fs.openSync(tmpOut, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(tmpOut, outFile);
    return manifest;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export class RestoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreError';
  }
}

/** Unpacks an archive into `dir`, checking each member against the manifest. */
async function unpack(archive: string, dir: string): Promise<Manifest> {
  let manifest: Manifest | undefined;
  const seen = new Map<string, string>();
  const extract = tar.extract();
  extract.on('entry', (header, stream, next) => {
    const name = header.name;
    if (name.includes('..') || path.isAbsolute(name)) {
      stream.resume();
      next(new RestoreError(`备份文件中有不安全的路径：${name}`));
      return;
    }
    const target = path.join(dir, name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const h = crypto.createHash('sha256');
    const out = fs.createWriteStream(target, { mode: 0o600 });
    stream.on('data', (c: unknown) => void h.update(c as Buffer));
    stream.pipe(out);
    out.on('finish', () => {
      seen.set(name, h.digest('hex'));
      if (name === 'manifest.json') {
        try {
          manifest = JSON.parse(fs.readFileSync(target, 'utf8')) as Manifest;
        } catch {
          next(new RestoreError('备份文件的清单（manifest.json）无法读取'));
          return;
        }
      }
      next();
    });
    out.on('error', next);
  });
  try {
    await pipeline(fs.createReadStream(archive), zlib.createGunzip(), extract);
  } catch (err) {
    if (err instanceof RestoreError) throw err;
    throw new RestoreError(`备份文件 ${archive} 已损坏或不是备份文件：${(err as Error).message}`);
  }
  if (!manifest || manifest.format !== BACKUP_FORMAT) throw new RestoreError(`${archive} 不是 Gongkai 备份文件（缺少清单）`);
  if (manifest.version > BACKUP_VERSION) throw new RestoreError(`备份格式版本 ${manifest.version} 比本程序支持的 ${BACKUP_VERSION} 新，请用新版程序恢复`);
  for (const t of manifest.tables) {
    if (seen.get(`db/${t.name}.copy`) !== t.sha256) throw new RestoreError(`备份中数据表 ${t.name} 的校验和不符，备份文件已损坏`);
  }
  for (const f of manifest.files) {
    if (seen.get(f.path) !== f.sha256) throw new RestoreError(`备份中文件 ${f.path} 的校验和不符，备份文件已损坏`);
  }
  return manifest;
}

export interface RestoreTarget {
  databaseUrl: string;
  filesDir: string;
  /** Where the archive's config/ members go (the audit key file and the checkpoint directory). */
  extraFiles: { archivePath: string; file: string }[];
  /** Empty a database or files directory that holds data (otherwise refused). */
  force: boolean;
}

async function databaseIsEmpty(client: pg.ClientBase): Promise<boolean> {
  const r = await client.query<{ n: string }>(`SELECT count(*) AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ('public', 'drizzle') AND c.relkind IN ('r', 'p')`);
  return Number(r.rows[0]!.n) === 0;
}

export interface RestoreReport {
  tables: number;
  rows: number;
  files: number;
}

/** Restores an archive into an empty database and files directory, then checks it against the manifest. */
export async function restoreBackup(archive: string, target: RestoreTarget, log: (line: string) => void = () => {}): Promise<RestoreReport> {
  if (!fs.existsSync(archive)) throw new RestoreError(`找不到备份文件 ${archive}`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-restore-'));
  try {
    const manifest = await unpack(archive, work);
    log(`备份清单：${manifest.createdAt}，${manifest.tables.length} 张数据表，${manifest.files.length} 个文件，校验和一致`);

    const client = new pg.Client({ connectionString: target.databaseUrl, application_name: 'gongkai-restore' });
    await client.connect();
    try {
      const filesPresent = walk(target.filesDir).length > 0;
      const dbEmpty = await databaseIsEmpty(client);
      if ((!dbEmpty || filesPresent) && !target.force) {
        const what = [!dbEmpty ? '数据库中已有数据表' : '', filesPresent ? `文件目录 ${target.filesDir} 中已有文件` : ''].filter(Boolean).join('，');
        throw new RestoreError(`目标不是空的（${what}），未做任何改动。确认要覆盖时请加 --force。`);
      }
      if (!dbEmpty) {
        log('按 --force 清空目标数据库……');
        await client.query('DROP SCHEMA IF EXISTS drizzle CASCADE');
        await client.query('DROP SCHEMA public CASCADE');
        await client.query('CREATE SCHEMA public');
      }
      if (filesPresent) fs.rmSync(target.filesDir, { recursive: true, force: true });

      await runMigrations(target.databaseUrl);
      const m = await client.query<{ n: string; last: string | null }>(`SELECT count(*) AS n, max(created_at) AS last FROM drizzle.__drizzle_migrations`);
      if (Number(m.rows[0]!.last ?? 0) < manifest.migration.lastCreatedAt) {
        throw new RestoreError('备份来自比本程序更新的版本（数据库结构更新），请用新版程序恢复');
      }
      const present = new Map((await listTables(client)).map((t) => [t.name, new Set(t.columns)]));
      for (const t of manifest.tables) {
        const cols = present.get(t.name);
        if (!cols) throw new RestoreError(`本程序的数据库中没有数据表 ${t.name}，无法恢复该备份`);
        const missing = t.columns.filter((c) => !cols.has(c));
        if (missing.length) throw new RestoreError(`数据表 ${t.name} 缺少列 ${missing.join('、')}，无法恢复该备份`);
      }

      await client.query('BEGIN');
      // Foreign keys are set aside and added back (checked) after every table is in; user triggers
      // (the audit log's append-only guard, search maintenance) are off while rows go in as they were.
      const fks = (
        await client.query<{ table_name: string; name: string; def: string }>(
          `SELECT c.conrelid::regclass::text AS table_name, c.conname AS name, pg_get_constraintdef(c.oid) AS def
             FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
            WHERE c.contype = 'f' AND n.nspname = 'public'`,
        )
      ).rows;
      for (const fk of fks) await client.query(`ALTER TABLE ${fk.table_name} DROP CONSTRAINT ${ident(fk.name)}`);
      const all = [...present.keys()];
      for (const t of all) await client.query(`ALTER TABLE ${ident(t)} DISABLE TRIGGER USER`);
      // Migrations may have put rows in (defaults); the backup's rows replace them.
      if (all.length) await client.query(`TRUNCATE ${all.map(ident).join(', ')}`);
      let rows = 0;
      for (const t of manifest.tables) {
        await pipeline(fs.createReadStream(path.join(work, 'db', `${t.name}.copy`)), client.query(copyFrom(`COPY ${ident(t.name)} (${t.columns.map(ident).join(', ')}) FROM STDIN`)));
        rows += t.rows;
      }
      for (const t of all) await client.query(`ALTER TABLE ${ident(t)} ENABLE TRIGGER USER`);
      for (const fk of fks) await client.query(`ALTER TABLE ${fk.table_name} ADD CONSTRAINT ${ident(fk.name)} ${fk.def}`);
      // Identity and serial columns continue after the highest restored value.
      const seqs = (
        await client.query<{ table_name: string; column_name: string; seq: string }>(
          `SELECT c.relname AS table_name, a.attname AS column_name, pg_get_serial_sequence(quote_ident(c.relname), a.attname) AS seq
             FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL`,
        )
      ).rows;
      for (const s of seqs) {
        await client.query(`SELECT setval($1, coalesce((SELECT max(${ident(s.column_name)}) FROM ${ident(s.table_name)}), 0) + 1, false)`, [s.seq]);
      }
      // Read every table back: the same rows, byte for byte, as the backup holds.
      for (const t of manifest.tables) {
        const now = await tableChecksum(client, t.name, t.columns);
        if (now.rows !== t.rows || now.sha256 !== t.sha256) {
          throw new RestoreError(`恢复后数据表 ${t.name} 与备份不符（${now.rows} 行，备份中 ${t.rows} 行），已撤销`);
        }
      }
      await client.query('COMMIT');
      log(`数据库：${manifest.tables.length} 张数据表，${rows} 行，已逐表核对`);

      let files = 0;
      for (const f of manifest.files) {
        let dest: string | undefined;
        if (f.path.startsWith('files/')) dest = path.join(target.filesDir, ...f.path.slice('files/'.length).split('/'));
        else {
          for (const x of target.extraFiles) {
            if (f.path === x.archivePath) dest = x.file;
            else if (f.path.startsWith(`${x.archivePath}/`)) dest = path.join(x.file, ...f.path.slice(x.archivePath.length + 1).split('/'));
          }
        }
        if (!dest) continue;
        if (fs.existsSync(dest) && !target.force && (await sha256File(dest)) !== f.sha256) {
          throw new RestoreError(`${dest} 已存在且与备份中的不同；确认要覆盖时请加 --force`);
        }
        fs.mkdirSync(path.dirname(dest), { recursive: true, mode: 0o700 });
        fs.copyFileSync(path.join(work, ...f.path.split('/')), dest);
        fs.chmodSync(dest, f.path.startsWith('files/') ? 0o640 : 0o600);
        if ((await sha256File(dest)) !== f.sha256) throw new RestoreError(`写入 ${dest} 后校验和不符`);
        files++;
      }
      log(`文件：${files} 个，已逐个核对校验和`);
      return { tables: manifest.tables.length, rows, files };
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      await client.end().catch(() => {});
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
