/**
 * A Google Reader client for tests, sending what the apps send (as FreshRSS's and
 * Miniflux's documentation and tests record it): `POST /accounts/ClientLogin` with a form,
 * then every call with `Authorization: GoogleLogin auth=<Auth>`, `output=json` on reads,
 * and writes as urlencoded forms with repeated fields (`i=…&i=…`) and the `T` token.
 */
import { request } from 'undici';

export interface GReply {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
  json<T = Record<string, unknown>>(): T;
}

export type Fields = Array<[string, string]>;

export class GReader {
  auth: string | null = null;
  t: string | null = null;

  constructor(
    readonly base: string,
    readonly extraHeaders: Record<string, string> = {},
  ) {}

  private async send(method: 'GET' | 'POST', path: string, body?: Fields, headers: Record<string, string> = {}): Promise<GReply> {
    const h: Record<string, string> = { 'user-agent': 'GReaderTest/1.0', ...this.extraHeaders, ...headers };
    if (this.auth && !('authorization' in h)) h.authorization = `GoogleLogin auth=${this.auth}`;
    if (body) h['content-type'] = 'application/x-www-form-urlencoded';
    const r = await request(this.base + path, { method, headers: h, body: body ? new URLSearchParams(body).toString() : undefined });
    const text = await r.body.text();
    return { status: r.statusCode, body: text, headers: r.headers, json: <T>() => JSON.parse(text) as T };
  }

  /** ClientLogin; on success keeps the Auth token. */
  async login(email: string, passwd: string, extra: Fields = []): Promise<GReply> {
    const r = await this.send('POST', '/api/greader/accounts/ClientLogin', [['Email', email], ['Passwd', passwd], ...extra]);
    const auth = /^Auth=(.+)$/m.exec(r.body)?.[1];
    if (r.status === 200 && auth) this.auth = auth.trim();
    return r;
  }

  get(path: string, query: Fields = [], headers: Record<string, string> = {}): Promise<GReply> {
    const q = new URLSearchParams([['output', 'json'], ...query]).toString();
    return this.send('GET', `/api/greader/reader/api/0/${path}?${q}`, undefined, headers);
  }

  /** A write, with the T token once fetched. */
  post(path: string, fields: Fields = [], headers: Record<string, string> = {}): Promise<GReply> {
    return this.send('POST', `/api/greader/reader/api/0/${path}`, [...(this.t ? ([['T', this.t]] as Fields) : []), ...fields], headers);
  }

  async token(): Promise<string> {
    const r = await this.get('token');
    if (r.status !== 200) throw new Error(`token: ${r.status}`);
    this.t = r.body.trim();
    return this.t;
  }
}
