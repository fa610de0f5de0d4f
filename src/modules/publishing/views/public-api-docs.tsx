// /api/docs: the public API's endpoints, rendered on the server from the OpenAPI document (no script,
// no CDN). The machine-readable document is /api/v1/openapi.json.
import type { PageContext } from '../../../core/ui/context.ts';
import { PublicLayout } from '../../../core/ui/layout.tsx';

interface SchemaLike {
  type?: string | string[];
  format?: string;
  description?: string;
  enum?: unknown[];
  anyOf?: SchemaLike[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  pattern?: string;
}

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: SchemaLike;
}

interface Operation {
  summary?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: unknown;
  responses?: Record<string, { description?: string }>;
}

export interface OpenApiDocument {
  info?: { title?: string; version?: string };
  paths?: Record<string, Record<string, Operation>>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const IN_LABELS: Record<string, string> = { path: '路径', query: '查询', header: '请求头' };

/** A short human description of a parameter's type and limits. */
export function describeSchema(s: SchemaLike | undefined): string {
  if (!s) return '';
  if (s.anyOf?.length && s.anyOf.every((x) => x.const !== undefined)) return `取值：${s.anyOf.map((x) => String(x.const)).join(' / ')}`;
  if (s.enum?.length) return `取值：${s.enum.map(String).join(' / ')}`;
  const parts = [Array.isArray(s.type) ? s.type.join('|') : (s.type ?? '')];
  if (s.format) parts.push(`格式 ${s.format}`);
  if (s.minimum !== undefined || s.maximum !== undefined) parts.push(`范围 ${s.minimum ?? ''}–${s.maximum ?? ''}`);
  if (s.maxLength !== undefined) parts.push(`最长 ${s.maxLength} 字符`);
  if (s.pattern) parts.push(`模式 ${s.pattern}`);
  return parts.filter(Boolean).join('，');
}

export function ApiDocsPage({ ctx, doc }: { ctx: PageContext; doc: OpenApiDocument }) {
  const ops = Object.entries(doc.paths ?? {})
    .flatMap(([path, item]) => METHODS.filter((m) => item[m]).map((m) => ({ path, method: m, op: item[m]! })))
    .sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
  return (
    <PublicLayout ctx={ctx} title="开放接口说明" breadcrumbs={[{ label: '开放接口说明' }]}>
      <h1>开放接口说明</h1>
      <p>
        本网站通过 JSON 接口公开与网页相同的公开信息，无需登录。完整的机器可读说明（OpenAPI 3）见 <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>。
        列表接口分页返回；参数有误时返回 400 和 <code>{'{"error":{"code","message","fields"}}'}</code>，字段的问题写在 <code>fields</code> 中。
      </p>
      <nav aria-labelledby="api-toc">
        <h2 id="api-toc">接口目录</h2>
        <ul>
          {ops.map((o, i) => (
            <li key={i}>
              <a href={`#op-${i}`}>
                <code>
                  {o.method.toUpperCase()} {o.path}
                </code>
              </a>
              {o.op.summary ? `：${o.op.summary}` : ''}
            </li>
          ))}
        </ul>
      </nav>
      {ops.map((o, i) => (
        <section key={i} id={`op-${i}`} aria-labelledby={`op-${i}-h`} class="api-op">
          <h2 id={`op-${i}-h`}>
            <code>
              {o.method.toUpperCase()} {o.path}
            </code>
          </h2>
          {o.op.summary ? <p>{o.op.summary}</p> : null}
          {o.op.parameters?.length ? (
            <div class="table-wrap" role="region" tabIndex={0} aria-label="参数">
              <table>
                <caption>参数</caption>
                <thead>
                  <tr>
                    <th scope="col">名称</th>
                    <th scope="col">位置</th>
                    <th scope="col">必填</th>
                    <th scope="col">类型</th>
                    <th scope="col">说明</th>
                  </tr>
                </thead>
                <tbody>
                  {o.op.parameters.map((p) => (
                    <tr key={`${p.in}-${p.name}`}>
                      <th scope="row">
                        <code>{p.name}</code>
                      </th>
                      <td>{IN_LABELS[p.in] ?? p.in}</td>
                      <td>{p.required ? '是' : '否'}</td>
                      <td>{describeSchema(p.schema)}</td>
                      <td>{p.description ?? p.schema?.description ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p>无参数。</p>
          )}
          <p>
            响应状态：
            {Object.entries(o.op.responses ?? {})
              .map(([code, r]) => `${code}${r.description && r.description !== 'Default Response' ? `（${r.description}）` : ''}`)
              .join('、')}
          </p>
        </section>
      ))}
    </PublicLayout>
  );
}
