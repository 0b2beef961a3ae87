/**
 * Reads a response body into memory with a hard cap on the decompressed size.
 *
 * Why: a feed or page is fetched whole, but neither a huge body nor a gzip bomb may
 * exhaust memory. The body is decompressed as a stream (gzip, deflate with or without the
 * zlib header, br, chained as the Content-Encoding lists them) and reading stops as soon
 * as the inflated bytes pass the cap, so at most `maxBytes` plus one zlib chunk is ever
 * held. Contract: resolves with the bytes, or rejects with a `BodyError` carrying a
 * stable code (`fetch.too_large`, `fetch.bad_encoding`); other rejections (abort,
 * socket errors) pass through for the caller to classify.
 */
import { Readable, type Duplex } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';

export class BodyError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Stage = Duplex | ((source: AsyncIterable<Buffer>) => AsyncGenerator<Buffer>);

/** True when the first two bytes are a zlib header (RFC 1950); else deflate is raw (RFC 1951). */
function isZlibHeader(b: Buffer): boolean {
  if (b.length < 2) return false;
  const cmf = b[0]!;
  const flg = b[1]!;
  return (cmf & 0x0f) === 8 && ((cmf << 8) | flg) % 31 === 0;
}

/** `deflate` as servers really send it: zlib-wrapped or raw, decided on the first bytes. */
async function* inflateAuto(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const it = source[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done) return;
  const z = isZlibHeader(first.value) ? createInflate() : createInflateRaw();
  async function* rest(): AsyncGenerator<Buffer> {
    yield first.value as Buffer;
    for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
  }
  const src = Readable.from(rest());
  src.on('error', (e) => z.destroy(e));
  try {
    for await (const chunk of src.pipe(z)) yield chunk as Buffer;
  } finally {
    src.destroy();
    z.destroy();
  }
}

function stageFor(coding: string): Stage {
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return inflateAuto;
    case 'br':
      return createBrotliDecompress();
    default:
      throw new BodyError('fetch.bad_encoding', `unsupported Content-Encoding: ${coding}`);
  }
}

/** The decoding stages for a Content-Encoding header, last-applied coding first. */
export function decoders(contentEncoding: string | null | undefined): Stage[] {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
  return codings.reverse().map(stageFor);
}

/** Reads `body` through the decoders for `contentEncoding`, stopping past `maxBytes`. */
export async function readCapped(body: Readable, contentEncoding: string | null | undefined, maxBytes: number): Promise<Uint8Array> {
  let stages: Stage[];
  try {
    stages = decoders(contentEncoding);
  } catch (e) {
    body.on('error', () => undefined).destroy();
    throw e;
  }
  const chunks: Buffer[] = [];
  let total = 0;
  // Destroying the stages may surface their own abort error first: the cap is the cause.
  let overflow: BodyError | null = null;
  const sink = async (source: AsyncIterable<Buffer>): Promise<void> => {
    for await (const chunk of source) {
      total += chunk.length;
      if (total > maxBytes) {
        overflow = new BodyError('fetch.too_large', `body larger than ${maxBytes} bytes${stages.length ? ' once decompressed' : ''}`);
        throw overflow;
      }
      chunks.push(chunk);
    }
  };
  try {
    // pipeline() destroys every stage when the sink throws, so a bomb stops inflating here.
    await (pipeline as (...s: unknown[]) => Promise<void>)(body, ...stages, sink);
  } catch (e) {
    if (overflow) throw overflow;
    if (e instanceof BodyError) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (code.startsWith('Z_') || code.includes('BROTLI') || code.startsWith('ERR__ERROR')) {
      throw new BodyError('fetch.bad_encoding', `cannot decompress body: ${(e as Error).message}`);
    }
    throw e;
  }
  return new Uint8Array(Buffer.concat(chunks, total));
}
