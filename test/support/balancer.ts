/**
 * A small HTTP load balancer on 127.0.0.1 for rolling-restart tests, as a
 * Kubernetes Service or an ALB behaves: it checks every backend's
 * `/health/ready` every `checkEveryMs` (one check in flight per backend; 200
 * is ready, anything else or no answer is not), and forwards each request,
 * round-robin, to one of the backends ready at that moment, over keep-alive
 * connections. It retries nothing: a backend that fails a forwarded request
 * surfaces as a 502 (or a cut connection once the answer has begun), and no
 * ready backend as a 503, both with an `x-balancer-error` header, so that a
 * test sees every failure a real client would.
 *
 * It counts what it forwarded to each backend and records when and why each
 * backend turned ready or not, for tests to assert that traffic moved.
 */
import { Agent, createServer, request, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Transition {
  ready: boolean;
  /** `Date.now()` when the check that changed it answered. */
  at: number;
  /** The status the check answered, or the error code when it got no answer. */
  reason: string;
  /** How many requests had been forwarded to the backend then. */
  forwarded: number;
}

export interface BackendState {
  url: string;
  ready: boolean;
  /** Requests forwarded to it so far. */
  forwarded: number;
  /** Of those, the ones it failed (no answer, or the answer cut short). */
  failed: number;
  /** Every change of readiness, oldest first (a backend starts not ready). */
  transitions: Transition[];
}

export interface Balancer {
  url: string;
  /** Adds a backend; it takes traffic once a check finds it ready. */
  add(backendUrl: string): BackendState;
  backend(backendUrl: string): BackendState;
  backends(): readonly BackendState[];
  /** Failures it answered for (502, 503) or saw, newest last. */
  errors: string[];
  close(): Promise<void>;
}

export interface BalancerOptions {
  checkEveryMs?: number;
  /** A check that has no answer within this is a failed check. */
  checkTimeoutMs?: number;
}

/** Connection-level headers, which a proxy must not pass on (RFC 9110 §7.6.1). */
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade'];

export async function startBalancer(backendUrls: readonly string[] = [], options: BalancerOptions = {}): Promise<Balancer> {
  const checkEveryMs = options.checkEveryMs ?? 100;
  const checkTimeoutMs = options.checkTimeoutMs ?? 3_000;
  const states: (BackendState & { checking: boolean; target: URL })[] = [];
  const errors: string[] = [];
  const forwarding = new Agent({ keepAlive: true, maxSockets: 32 });
  // A connection per check, as most balancers' health checks open.
  const checking = new Agent({ keepAlive: false });
  let next = 0;

  const fail = (res: ServerResponse, status: number, message: string) => {
    errors.push(`${new Date().toISOString()} ${status} ${message}`);
    const body = JSON.stringify({ error_code: status, message: `balancer: ${message}` });
    res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'x-balancer-error': message });
    res.end(body);
  };

  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const ready = states.filter((state) => state.ready);
    if (ready.length === 0) {
      req.resume();
      return fail(res, 503, 'no backend is ready');
    }
    const backend = ready[next++ % ready.length]!;
    backend.forwarded++;
    let settled = false;
    const backendFailed = (message: string) => {
      if (settled) return;
      settled = true;
      backend.failed++;
      if (res.headersSent) {
        errors.push(`${new Date().toISOString()} ${message} (answer cut short)`);
        res.destroy();
      } else fail(res, 502, message);
    };
    const upstream = request(
      {
        host: backend.target.hostname,
        port: backend.target.port,
        method: req.method,
        path: req.url,
        headers: { ...withoutHopByHop(req.headers), host: backend.target.host },
        agent: forwarding,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, withoutHopByHop(answer.headers));
        answer.pipe(res);
        answer.on('end', () => (settled = true));
        answer.on('close', () => {
          if (!answer.complete) backendFailed(`${backend.url}: answer cut short`);
        });
      },
    );
    upstream.on('error', (error: NodeJS.ErrnoException) => backendFailed(`${backend.url}: ${error.code ?? error.message}`));
    // A client that goes away takes its forwarded request with it (not the backend's failure).
    res.on('close', () => {
      if (res.writableFinished || settled) return;
      settled = true;
      upstream.destroy();
    });
    req.pipe(upstream);
  };

  const server: Server = createServer(forward);
  // Longer than the clients' keep-alive (undici's is 4 s), so a client never reuses a connection the balancer just closed.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });

  const settle = (state: BackendState & { checking: boolean }, ready: boolean, reason: string) => {
    state.checking = false;
    if (ready === state.ready) return;
    state.ready = ready;
    state.transitions.push({ ready, at: Date.now(), reason, forwarded: state.forwarded });
  };
  const check = (state: BackendState & { checking: boolean; target: URL }) => {
    if (state.checking) return;
    state.checking = true;
    const probe = request(new URL('/health/ready', state.target), { agent: checking, timeout: checkTimeoutMs }, (answer) => {
      answer.resume();
      answer.on('end', () => settle(state, answer.statusCode === 200, String(answer.statusCode)));
      answer.on('error', (error: NodeJS.ErrnoException) => settle(state, false, error.code ?? error.message));
    });
    probe.on('timeout', () => probe.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    probe.on('error', (error: NodeJS.ErrnoException) => settle(state, false, error.code ?? error.message));
    probe.end();
  };
  const timer = setInterval(() => states.forEach(check), checkEveryMs);
  timer.unref();

  const backend = (backendUrl: string): BackendState => {
    const state = states.find((candidate) => candidate.url === backendUrl);
    if (!state) throw new Error(`not a backend of the balancer: ${backendUrl}`);
    return state;
  };
  const add = (backendUrl: string): BackendState => {
    const state = { url: backendUrl, target: new URL(backendUrl), ready: false, forwarded: 0, failed: 0, transitions: [], checking: false };
    states.push(state);
    check(state);
    return state;
  };
  backendUrls.forEach(add);

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    add,
    backend,
    backends: () => states,
    errors,
    close: async () => {
      clearInterval(timer);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      forwarding.destroy();
      checking.destroy();
    },
  };
}

function withoutHopByHop(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const named = new Set(HOP_BY_HOP);
  // Headers the Connection header names are connection-level too.
  for (const name of String(headers.connection ?? '').split(',')) named.add(name.trim().toLowerCase());
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !named.has(name.toLowerCase())));
}
