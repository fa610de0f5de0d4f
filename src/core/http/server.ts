// The Fastify instance: security plugins, request context, CSRF, errors. Modules add routes to it.
import crypto from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import csrf from '@fastify/csrf-protection';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { registerClientBundles } from './client-bundles.ts';
import swagger from '@fastify/swagger';
import multipart from '@fastify/multipart';
import { h } from 'preact';
import type { Core } from '../services.ts';
import { SESSION_COOKIE } from '../auth/service.ts';
import { HttpError, apiError } from './errors.ts';
import { pageContext, wantsJson } from './context.ts';
import { renderDocument } from '../ui/render.ts';
import { isDatabaseUnavailable } from '../db/index.ts';
import { ErrorPage } from '../ui/error-page.tsx';
import { registerHttpCaching } from './caching.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
export const publicDir = path.resolve(here, '../../../public');

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** While the database cannot be reached: 503 with this message, and when to try again (seconds). */
export const UNAVAILABLE_MESSAGE = '服务暂时不可用，请稍后再试。';
export const UNAVAILABLE_RETRY_AFTER_S = 10;

export interface ServerOptions {
  cookieSecret: string;
  logger?: boolean | object;
}

export async function createServer(core: Core, opts: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? { level: core.config.logLevel },
    genReqId: () => crypto.randomUUID(),
    trustProxy: core.config.trustProxy,
    bodyLimit: core.config.bodyLimitBytes,
    routerOptions: { maxParamLength: 200 },
    ajv: { customOptions: { coerceTypes: 'array', allErrors: true, removeAdditional: false } },
  });

  // Every route, for the malformed-input test that sends bad requests to each of them.
  const routeList: { method: string; url: string }[] = [];
  app.decorate('routeList', routeList);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) if (method !== 'HEAD') routeList.push({ method, url: r.url });
  });

  app.decorateRequest('user', null);
  app.decorateRequest('sessionHash', null);
  app.decorateRequest('site', null as never);

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
      },
    },
    hsts: core.config.production,
  });
  await app.register(cookie, { secret: opts.cookieSecret });
  await app.register(formbody, { bodyLimit: core.config.bodyLimitBytes });
  // Uploads are buffered into the body (fields as {value}, files with their bytes) so the CSRF check
  // and FormReader see multipart forms like any other form.
  await app.register(multipart, {
    attachFieldsToBody: true,
    limits: { fileSize: core.config.uploadLimitBytes, files: 10, fields: 200, fieldSize: core.config.bodyLimitBytes },
  });
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    getToken: (req) => {
      const field = (req.body as Record<string, unknown> | undefined)?._csrf;
      const fromBody = typeof field === 'string' ? field : (field as { value?: unknown } | undefined)?.value;
      return typeof fromBody === 'string' ? fromBody : String(req.headers['x-csrf-token'] ?? '');
    },
    cookieKey: 'gk_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', signed: true, secure: core.config.production },
  });
  await app.register(rateLimit, { global: false });
  await registerHttpCaching(app, { maxAgeSeconds: core.config.publicCacheSeconds, staleSeconds: 300 });
  registerClientBundles(app, { production: core.config.production });
  await app.register(fastifyStatic, { root: publicDir, prefix: '/assets/', maxAge: core.config.production ? '1d' : 0, index: false });
  await app.register(swagger, {
    openapi: { info: { title: 'Gongkai 政务公开平台 API', version: '1' }, servers: [] },
    transform: ({ schema, url }) => ({ schema: { ...(schema ?? {}), hide: !url.startsWith('/api/') || (schema as { hide?: boolean })?.hide }, url }),
  });

  // Who is asking, and for which site. Static files and health checks need neither.
  app.addHook('onRequest', async (req) => {
    if (req.url.startsWith('/assets/') || req.url === '/healthz') return;
    const site = await core.sites.forHost(req.hostname);
    req.site = site;
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const session = await core.auth.resolveSession(token);
      if (session) {
        req.user = session.user;
        req.sessionHash = session.tokenHash;
      }
    }
  });

  // The request id in every response, so a user can quote it and we can find the log lines.
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', String(req.id));
  });

  // PostgreSQL text cannot hold NUL: refuse it up front instead of failing deep in a query.
  app.addHook('preValidation', async (req) => {
    if (hasNul(req.params) || hasNul(req.query) || hasNul(req.body)) {
      throw new HttpError(400, 'validation_error', '请求中含有无效字符（NUL），请检查后重新提交。');
    }
  });

  // Every state-changing request carries a CSRF token, except JSON API calls, which browsers
  // cannot send cross-site without a CORS preflight that this server never grants.
  app.addHook('preHandler', (req, reply, done) => {
    if (!STATE_CHANGING.has(req.method) || req.routeOptions.config.csrf === false) return done();
    const type = String(req.headers['content-type'] ?? '');
    if (req.url.startsWith('/api/') && type.startsWith('application/json')) return done();
    app.csrfProtection(req, reply, done);
  });

  app.setNotFoundHandler((req, reply) => {
    if (wantsJson(req)) return reply.code(404).send(apiError('not_found', '接口不存在'));
    return sendErrorPage(req, reply, 404, '您访问的页面不存在或已被移除。');
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (isDatabaseUnavailable(err)) {
      req.log.warn({ err: { message: err.message, code: (err as { code?: string }).code } }, 'database unavailable');
      reply.header('retry-after', String(UNAVAILABLE_RETRY_AFTER_S));
      if (wantsJson(req)) return reply.code(503).send(apiError('service_unavailable', UNAVAILABLE_MESSAGE));
      return sendErrorPage(req, reply, 503, UNAVAILABLE_MESSAGE);
    }
    const { status, code, message, fields } = classify(err);
    if (status >= 500) req.log.error({ err }, 'request failed');
    else req.log.info({ code, status }, message);
    if (wantsJson(req) || (status === 400 && err.validation)) {
      if (!wantsJson(req) && err.validation) return sendErrorPage(req, reply, 400, message);
      return reply.code(status).send(apiError(code, message, fields));
    }
    const detail = status >= 500 && !core.config.production ? String(err.stack ?? err.message) : undefined;
    return sendErrorPage(req, reply, status, message, detail);
  });

  app.get('/healthz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await core.pool.query('SELECT 1');
      return { status: 'ok' };
    } catch {
      return reply.code(503).header('retry-after', String(UNAVAILABLE_RETRY_AFTER_S)).send({ status: 'unavailable', message: '数据库不可用' });
    }
  });
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  return app;
}

function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (!value || typeof value !== 'object' || depth > 5 || Buffer.isBuffer(value)) return false;
  if ((value as { type?: unknown }).type === 'file') return false; // uploaded file: bytes, not text
  if ((value as { type?: unknown }).type === 'field') return hasNul((value as { value?: unknown }).value, depth + 1);
  return Object.entries(value).some(([k, v]) => k.includes('\u0000') || hasNul(v, depth + 1));
}

function sendErrorPage(req: FastifyRequest, reply: FastifyReply, status: number, message: string, detail?: string) {
  let html: string;
  try {
    html = renderDocument(h(ErrorPage, { ctx: pageContext(req, reply), status, message, detail }));
  } catch {
    html = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>出现问题</title><h1>出现问题</h1><p>${status === 503 ? UNAVAILABLE_MESSAGE : '请稍后再试。'}</p></html>`;
  }
  return reply.code(status).type('text/html; charset=utf-8').send(html);
}

const AJV_MESSAGES: Record<string, (p: Record<string, unknown>) => string> = {
  required: () => '必须填写',
  type: (p) => `类型不正确（应为${p.type === 'integer' ? '整数' : p.type === 'number' ? '数字' : p.type === 'string' ? '文本' : String(p.type)}）`,
  format: (p) => (p.format === 'date' ? '应为 YYYY-MM-DD 格式的有效日期' : `格式不正确（${String(p.format)}）`),
  minimum: (p) => `不能小于 ${String(p.limit)}`,
  maximum: (p) => `不能大于 ${String(p.limit)}`,
  minLength: (p) => `至少 ${String(p.limit)} 个字符`,
  maxLength: (p) => `不能超过 ${String(p.limit)} 个字符`,
  pattern: () => '格式不正确',
  enum: () => '不是允许的取值',
  additionalProperties: (p) => `不允许的字段 ${String(p.additionalProperty)}`,
};

function classify(err: FastifyError): { status: number; code: string; message: string; fields: Record<string, string> } {
  if (err instanceof HttpError) return { status: err.statusCode, code: err.code, message: err.message, fields: err.fields };
  if (err.validation) {
    const fields: Record<string, string> = {};
    for (const v of err.validation) {
      const params = (v.params ?? {}) as Record<string, unknown>;
      const base = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
      const key = v.keyword === 'required' ? [base, String(params.missingProperty)].filter(Boolean).join('.') : base || String(err.validationContext ?? 'body');
      const msg = AJV_MESSAGES[v.keyword]?.(params) ?? '取值不正确';
      if (!fields[key]) fields[key] = msg;
    }
    return { status: 400, code: 'validation_error', message: '请求参数有误：' + Object.entries(fields).map(([k, m]) => `${k} ${m}`).join('；'), fields };
  }
  const code = err.code ?? '';
  if (code === 'FST_REQ_FILE_TOO_LARGE') return { status: 413, code: 'file_too_large', message: '上传的文件过大，超过了允许的大小，请压缩或拆分后再上传。', fields: {} };
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || err.statusCode === 413) return { status: 413, code: 'payload_too_large', message: '提交的内容过大，请精简后再提交。', fields: {} };
  if (code.startsWith('FST_CSRF')) return { status: 403, code: 'csrf_invalid', message: '页面已过期或来源不明，请返回上一页刷新后重新提交。', fields: {} };
  if (err.statusCode === 429) return { status: 429, code: 'rate_limited', message: '操作过于频繁，请稍后再试。', fields: {} };
  if (err.statusCode === 415 || code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return { status: 415, code: 'unsupported_media_type', message: '不支持的提交格式。', fields: {} };
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return { status: err.statusCode, code: 'bad_request', message: '请求格式有误，无法处理。', fields: {} };
  }
  return { status: 500, code: 'internal_error', message: '系统出现错误，我们已记录此问题，请稍后再试。', fields: {} };
}
