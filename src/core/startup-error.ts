// What went wrong at start-up (or stop), as one Chinese sentence for the operator: never a stack
// trace, never "undefined".
import fs from 'node:fs';
import path from 'node:path';

const FILE_ERRORS: Record<string, (where: string) => string> = {
  EROFS: (p) => `${p} 位于只读文件系统上，无法写入。请改用可写的数据目录（DATA_DIR）或重新挂载为可读写。`,
  EACCES: (p) => `没有权限写入 ${p}：请检查该目录的所有者和权限，或用 DATA_DIR 指定运行用户可写的目录。`,
  EPERM: (p) => `不允许修改 ${p}：请检查该目录的所有者和权限，或用 DATA_DIR 指定运行用户可写的目录。`,
  ENOSPC: (p) => `磁盘空间已满，无法写入 ${p}。请清理磁盘空间后重新启动。`,
  EDQUOT: (p) => `磁盘配额已用完，无法写入 ${p}。请清理空间或提高配额后重新启动。`,
  ENOTDIR: (p) => `${p} 的上级路径中有一个普通文件，而不是目录：请检查 DATA_DIR。`,
  EISDIR: (p) => `${p} 是一个目录，而此处需要文件：请检查数据目录的内容。`,
};

export function explainStartupError(err: unknown): string {
  if (err === undefined || err === null || err === '') return '未知错误（程序没有给出原因）。请用 LOG_LEVEL=debug 重新启动查看详情。';
  if (!(err instanceof Error) && typeof err !== 'object') return String(err);
  const e = err as NodeJS.ErrnoException & { address?: string; port?: number };
  const code = e.code ?? '';
  if (code === 'ENOENT' && e.syscall === 'mkdir' && e.path) {
    // A recursive mkdir reports ENOENT when the real cause is a read-only or unwritable parent.
    const why = whyNotWritable(e.path);
    if (why && FILE_ERRORS[why.code]) return FILE_ERRORS[why.code]!(`「${why.dir}」`);
  }
  if (FILE_ERRORS[code]) return FILE_ERRORS[code](e.path ? `「${e.path}」` : '数据目录');
  if (code === 'EADDRINUSE') return `端口 ${e.port ?? ''} 已被其他程序占用：请停止它，或用 PORT 指定其他端口。`;
  if (code === 'EADDRNOTAVAIL') return `无法在地址 ${e.address ?? ''} 上监听：请检查 HOST。`;
  if (code === '28P01' || code === '28000') return `数据库拒绝了连接的用户名或密码：请检查 DATABASE_URL。（${e.message}）`;
  if (code === '3D000') return `数据库不存在：${e.message}。请先创建它，或检查 DATABASE_URL。`;
  const message = e instanceof Error ? e.message : '';
  if (!message) return `${e.name ?? '错误'}${code ? `（${code}）` : ''}：没有错误信息。请用 LOG_LEVEL=debug 重新启动查看详情。`;
  return message;
}

/** The nearest existing ancestor of p and why it cannot be written to, if it cannot. */
function whyNotWritable(p: string): { dir: string; code: string } | undefined {
  let dir = path.resolve(p);
  while (!fs.existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return undefined;
  } catch (err) {
    return { dir, code: (err as NodeJS.ErrnoException).code ?? '' };
  }
}
