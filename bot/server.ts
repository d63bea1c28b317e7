/**
 * The restify server: body limits, request logging without message text, and error shapes that are never 500 for bad
 * input.
 */
import restify, { type Request, type Response, type Server } from 'restify';
import type { Logger } from './logger';

export const MAX_BODY_BYTES = 256 * 1024;
const PRIVATE_PATHS = /^\/(?:v3\/directline|api|staff|cicc|sign-in|sign-out)(?:\/|$)/;

/**
 * Creates the restify server with parsers and logging; routes are added by their own modules.
 * @example const server = createHttpServer(logger); server.listen(3978, '127.0.0.1');
 */
export function createHttpServer(logger: Logger, options: { hsts?: boolean } = {}): Server {
  const server = restify.createServer({
    name: 'care-leavers-bot',
    handleUncaughtExceptions: false,
    // Every error leaves in one shape, and a 500 never carries its message, stack or a server path: a handler that
    // throws is logged here (with the request id) and answered "Something went wrong."
    formatters: {
      'application/json': (req: Request, res: Response, body: unknown) => {
        let data = body;
        if (body instanceof Error) {
          const status = (body as { statusCode?: number }).statusCode ?? 500;
          if (status >= 500) {
            logger.error({ requestId: req.id(), err: { name: body.name, message: body.message } }, 'request failed');
            data = { error: { code: 'Internal', message: 'Something went wrong.' } };
          } else {
            const own = (body as { toJSON?: () => unknown }).toJSON?.() as { error?: unknown } | undefined;
            data =
              own && 'error' in own
                ? own
                : { error: { code: body.name.replace(/Error$/, '') || 'Error', message: body.message } };
          }
        }
        const text = JSON.stringify(data ?? null);
        res.setHeader('Content-Length', Buffer.byteLength(text));
        return text;
      },
    },
  });
  // A client that sends its headers or body very slowly cannot hold a connection open for minutes.
  server.server.headersTimeout = 20_000;
  server.server.requestTimeout = 30_000;
  server.pre(restify.plugins.pre.context());
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(
    restify.plugins.bodyParser({
      maxBodySize: MAX_BODY_BYTES,
      mapParams: false,
      mapFiles: false,
      rejectUnknown: false,
    }),
  );
  server.use(async (req: Request, res: Response) => {
    res.header('X-Content-Type-Options', 'nosniff');
    res.header('Referrer-Policy', 'no-referrer');
    // Behind https (PUBLIC_URL), browsers are told to use https only from then on.
    if (options.hsts) res.header('Strict-Transport-Security', 'max-age=31536000');
    // Conversations and staff data are never kept by a browser or a proxy; pages that may be cached say so themselves.
    if (PRIVATE_PATHS.test(req.getPath())) res.header('Cache-Control', 'no-store');
  });
  server.on('after', (req: Request, res: Response) => {
    const level = res.statusCode >= 500 ? 'error' : 'info';
    logger[level](
      {
        requestId: req.id(),
        method: req.method,
        path: req.getPath(),
        status: res.statusCode,
        ms: Date.now() - req.time(),
      },
      'request',
    );
  });
  server.on(
    'restifyError',
    (
      req: Request,
      res: Response,
      err: Error & { statusCode?: number; toJSON?: () => unknown },
      callback: () => void,
    ) => {
      const status = err.statusCode ?? 500;
      if (status >= 500)
        logger.error({ requestId: req.id(), err: { name: err.name, message: err.message } }, 'request failed');
      const code = err.name.replace(/Error$/, '') || 'Error';
      const message =
        status === 413
          ? `The body is larger than ${MAX_BODY_BYTES / 1024} KiB.`
          : status >= 500
            ? 'Something went wrong.'
            : err.message;
      // restify-errors serialise their precomputed `body`; both are replaced so no internal text or path leaves.
      err.toJSON = () => ({ error: { code: status >= 500 ? 'Internal' : code, message } });
      (err as { body?: unknown }).body = { error: { code: status >= 500 ? 'Internal' : code, message } };
      callback();
    },
  );
  return server;
}
