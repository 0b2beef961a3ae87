/**
 * A webhook receiver on 127.0.0.1 for the alerts tests: verifies every request's Standard
 * Webhooks signature with node:crypto (independently of the `standardwebhooks` package
 * that signs), records what it got, and can fail on purpose (a status) or be slow on
 * purpose (a delay), per request through `behave`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface Received {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  json: { type: string; alert: { id: string; name: string; query: string }; articles: Array<{ id: string; url: string | null; title: string; outlet: string | null; publishedAt: string | null; storyId: string; snippet: string }> };
  /** The signature verified against the receiver's secret. */
  valid: boolean;
  /** What the receiver answered. */
  status: number;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** Called per request (n counts from 1): the status to answer and a delay before answering. */
  behave: (n: number, r: Omit<Received, 'status'>) => { status: number; delayMs?: number };
  secret: string;
  close(): Promise<void>;
}

/** v1 signature of `id.timestamp.body` with the key `whsec_<base64>` names. */
export function expectedSignature(secret: string, id: string, ts: string, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return createHmac('sha256', key).update(`${id}.${ts}.${body}`).digest('base64');
}

function verify(secret: string, id: string, ts: string, sigHeader: string, body: string): boolean {
  const want = Buffer.from(expectedSignature(secret, id, ts, body));
  return sigHeader.split(' ').some((s) => {
    const [v, sig] = s.split(',');
    const got = Buffer.from(sig ?? '');
    return v === 'v1' && got.length === want.length && timingSafeEqual(got, want);
  });
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let s = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => (s += d));
    req.on('end', () => resolve(s));
  });

export async function startReceiver(secret: string): Promise<Receiver> {
  let n = 0;
  const rec: Receiver = { url: '', received: [], behave: () => ({ status: 200 }), secret, close: async () => undefined };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    const h = (k: string) => String(req.headers[k] ?? '');
    const r = { id: h('webhook-id'), timestamp: h('webhook-timestamp'), signature: h('webhook-signature'), body, json: JSON.parse(body || '{}') as Received['json'], valid: verify(rec.secret, h('webhook-id'), h('webhook-timestamp'), h('webhook-signature'), body) };
    const b = rec.behave(++n, r);
    if (b.delayMs) await new Promise((ok) => setTimeout(ok, b.delayMs));
    rec.received.push({ ...r, status: b.status });
    if (!res.destroyed) res.writeHead(b.status, { 'content-type': 'text/plain' }).end(b.status < 300 ? 'ok' : 'failing on purpose');
  };
  const server: Server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address() as { port: number };
  rec.url = `http://127.0.0.1:${addr.port}/hook`;
  rec.close = () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return rec;
}
