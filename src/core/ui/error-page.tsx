import type { PageContext } from './context.ts';
import { PublicLayout } from './layout.tsx';

export function ErrorPage({ ctx, status, message, detail }: { ctx: PageContext; status: number; message: string; detail?: string }) {
  const titles: Record<number, string> = {
    400: '请求有误',
    403: '没有权限',
    404: '页面不存在',
    413: '提交的内容过大',
    429: '操作过于频繁',
    500: '系统出现错误',
    503: '服务暂时不可用',
  };
  const title = titles[status] ?? '出现问题';
  return (
    <PublicLayout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <a href="/">返回首页</a> · <a href="/sitemap">网站地图</a>
      </p>
      <p class="hint">请求编号：{ctx.requestId}（联系网站管理员时请提供）</p>
      {detail ? <pre class="error-detail">{detail}</pre> : null}
    </PublicLayout>
  );
}
