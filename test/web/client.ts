/**
 * A small cookie-keeping HTTP client for tests over real loopback HTTP: it remembers
 * cookies like a browser (Set-Cookie, Max-Age=0 deletes), sends the site's Origin on
 * posts (unless told otherwise) and reads a page's CSRF form token.
 */
import { request } from 'undici';

export interface Reply {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
  location: string | null;
}

export class Client {
  readonly cookies = new Map<string, string>();
  readonly setCookies: string[] = [];

  constructor(readonly base: string) {}

  private cookieHeader(): string | undefined {
    return this.cookies.size ? [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') : undefined;
  }

  private remember(h: string | string[] | undefined): void {
    for (const c of [h ?? []].flat()) {
      this.setCookies.push(c);
      const [pair, ...attrs] = c.split(';');
      const [k, ...v] = pair!.trim().split('=');
      if (attrs.some((a) => /^\s*max-age=0\s*$/i.test(a))) this.cookies.delete(k!);
      else this.cookies.set(k!, v.join('='));
    }
  }

  async send(method: string, path: string, o: { body?: string; type?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...(o.type ? { 'content-type': o.type } : {}), ...o.headers };
    const cookie = this.cookieHeader();
    if (cookie && !('cookie' in headers)) headers.cookie = cookie;
    const r = await request(this.base + path, { method: method as 'GET', headers, body: o.body });
    const body = await r.body.text();
    this.remember(r.headers['set-cookie']);
    return { status: r.statusCode, body, headers: r.headers, location: (r.headers.location as string | undefined) ?? null };
  }

  get(path: string, headers: Record<string, string> = {}): Promise<Reply> {
    return this.send('GET', path, { headers });
  }

  /** A form post from the site's own origin (or `origin`), with the given fields. */
  post(path: string, fields: Record<string, string>, o: { origin?: string | null; headers?: Record<string, string> } = {}): Promise<Reply> {
    const origin = o.origin === undefined ? this.base : o.origin;
    return this.send('POST', path, {
      body: new URLSearchParams(fields).toString(),
      type: 'application/x-www-form-urlencoded',
      headers: { ...(origin ? { origin } : {}), ...o.headers },
    });
  }

  /** The CSRF token of the forms on `path`. */
  async token(path = '/me'): Promise<string> {
    const r = await this.get(path);
    const t = /name="_csrf" value="([^"]+)"/.exec(r.body)?.[1];
    if (!t) throw new Error(`no form token on ${path} (${r.status})`);
    return t;
  }

  async login(name: string, password: string): Promise<Reply> {
    return this.post('/login', { name, password, next: '/me' });
  }
}
