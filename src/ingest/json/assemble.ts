/**
 * Builds article records out of stream-json's token stream, one record at a time and in
 * bounded memory, whatever the document holds.
 *
 * Why not stream-json's own Assembler or streamers: they build every value whole (a 200 MB
 * string is a 200 MB string), and they know nothing of where the articles sit. Here:
 * - A string value keeps at most `maxString` characters (the rest of its chunks are
 *   dropped as they come); a record keeps at most `maxRecord` characters of keys and
 *   values; nesting deeper than `maxDepth` is skipped. Whatever was cut is named in the
 *   record's `cut` list, so the caller can report it (`json.too_large`).
 * - Records are found as the whole-document adapter finds them: the elements of a top-level
 *   array; the elements of the first array under a known key (`articles`, `items`, …) of a
 *   top-level object, or of an object under such a key; or the top-level object itself
 *   when it holds no such array (a single article). With JSON Streaming (values one after
 *   another) every later top-level value is a record too.
 * Contract: `push(token)` never throws; structure errors are the tokenizer's to find.
 */
import type { Token } from 'stream-json/parser.js';

type Obj = Record<string, unknown>;

export interface AssembleLimits {
  maxString: number;
  maxRecord: number;
  maxDepth: number;
}

export interface RecordSink {
  /** One record, its 0-based index, and the names of the fields that were cut. */
  record(value: unknown, index: number, cut: string[], via: string | null): void;
  /** The top-level value holds no articles (what it was, for the message). */
  noArticles(what: string): void;
}

type Role = 'wrapper' | 'records' | 'holder' | 'record' | 'inner' | 'skip';

interface Frame {
  role: Role;
  /** The container being built (null when skipped). */
  value: Obj | unknown[] | null;
  /** The key the next value goes under (objects). */
  key: string | null;
  /** Depth within the current record (0 = the record itself). */
  depth: number;
}

const MAX_KEY = 256;
const MAX_NUMBER = 64;

export class RecordAssembler {
  private readonly stack: Frame[] = [];
  /** The string, key or number being read, as chunks, and its length so far. */
  private parts: string[] = [];
  private partLen = 0;
  private partCut = false;
  private index = 0;
  private topLevel = 0;
  private recordsFound = false;
  /** Characters stored in the current record (or the wrapper), against `maxRecord`. */
  private used = 0;
  private cut: string[] = [];
  /** Title of the wrapper object, once seen (the `via` of its records). */
  wrapperTitle: string | null = null;

  constructor(
    private readonly sink: RecordSink,
    private readonly keys: readonly string[],
    private readonly articleKey: RegExp,
    private readonly limits: AssembleLimits,
  ) {}

  private top(): Frame | undefined {
    return this.stack[this.stack.length - 1];
  }

  private noteCut(what: string): void {
    if (!this.cut.includes(what)) this.cut.push(what);
  }

  /** Where the next value goes, decided by the frame above it. */
  private roleOfChild(container: 'object' | 'array'): Role {
    const t = this.top();
    if (!t) {
      this.topLevel++;
      if (this.topLevel > 1) return 'record';
      return container === 'array' ? 'records' : 'wrapper';
    }
    if (t.role === 'skip') return 'skip';
    if (t.role === 'records') return 'record';
    if (t.role === 'record' || t.role === 'inner') return t.depth + 1 >= this.limits.maxDepth ? 'skip' : 'inner';
    const known = t.key !== null && this.keys.includes(t.key);
    if (t.role === 'holder') return known && container === 'array' && !this.recordsFound ? 'records' : 'skip';
    // wrapper
    if (known && !this.recordsFound) return container === 'array' ? 'records' : 'holder';
    return this.recordsFound ? 'skip' : 'inner';
  }

  private open(container: 'object' | 'array'): void {
    const role = this.roleOfChild(container);
    const t = this.top();
    if (role === 'records') this.recordsFound = true;
    if (role === 'record' || role === 'wrapper') {
      this.used = 0;
      this.cut = [];
    }
    const depth = role === 'inner' ? (t?.depth ?? 0) + 1 : 0;
    const keep = role === 'record' || role === 'inner' || role === 'wrapper';
    if (role === 'skip' && t && t.role !== 'skip' && (t.role === 'record' || t.role === 'inner')) this.noteCut('nesting');
    this.stack.push({ role, value: keep ? (container === 'array' ? [] : {}) : null, key: null, depth });
  }

  private close(): void {
    const f = this.stack.pop();
    if (!f) return;
    if (f.role === 'record') return this.emitRecord(f.value);
    if (f.role === 'wrapper') {
      const w = f.value as Obj;
      if (this.recordsFound) return;
      if (Object.keys(w).some((k) => this.articleKey.test(k))) return this.emitRecord(w, null);
      this.sink.noArticles(`an object without an article list (keys: ${Object.keys(w).slice(0, 8).join(', ') || 'none'})`);
      return;
    }
    if (f.role === 'records' && this.stack.length === 0) return; // a top-level array: done
    if (f.value !== null) this.add(f.value, 0);
  }

  private emitRecord(value: unknown, via: string | null = this.wrapperTitle): void {
    this.sink.record(value, this.index++, this.cut, via);
    this.cut = [];
    this.used = 0;
  }

  /** Adds a finished value to the frame above (or emits it as a record). */
  private add(value: unknown, size: number): void {
    const t = this.top();
    if (!t) {
      this.topLevel++;
      if (this.topLevel === 1 && !this.recordsFound) this.sink.noArticles(value === null ? 'a null' : `a ${typeof value}`);
      else this.emitRecord(value);
      return;
    }
    if (t.role === 'records') return this.emitRecord(value);
    if (t.value === null) return;
    if (t.role === 'wrapper' && this.recordsFound && t.key !== 'title' && t.key !== 'name') return;
    if (this.used + size > this.limits.maxRecord) {
      this.noteCut(t.key ?? 'items');
      return;
    }
    this.used += size;
    if (t.role === 'wrapper' && (t.key === 'title' || t.key === 'name') && typeof value === 'string' && value.trim()) {
      this.wrapperTitle ??= value.trim();
    }
    if (Array.isArray(t.value)) t.value.push(value);
    else if (t.key !== null && t.key !== '__proto__') t.value[t.key] = value;
  }

  private startPart(): void {
    this.parts = [];
    this.partLen = 0;
    this.partCut = false;
  }

  private chunk(s: string, max: number): void {
    if (this.partLen >= max) {
      this.partCut = true;
      return;
    }
    const room = max - this.partLen;
    if (s.length > room) {
      this.partCut = true;
      s = s.slice(0, room);
    }
    this.parts.push(s);
    this.partLen += s.length;
  }

  private part(): string {
    const s = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
    this.parts = [];
    return s;
  }

  private inKey = false;
  private inNumber = false;
  private partMax = 0;

  /** Whether a string value read now would be kept (not in a skipped or finished part). */
  private keeps(): boolean {
    const t = this.top();
    if (!t) return true;
    if (t.role === 'records') return true;
    if (t.value === null) return false;
    return !(t.role === 'wrapper' && this.recordsFound && t.key !== 'title' && t.key !== 'name');
  }

  /** Consumes one token. */
  push(t: Token): void {
    switch (t.name) {
      case 'startObject':
        return this.open('object');
      case 'startArray':
        return this.open('array');
      case 'endObject':
      case 'endArray':
        return this.close();
      case 'startKey':
        this.inKey = true;
        return this.startPart();
      case 'endKey': {
        this.inKey = false;
        const f = this.top();
        if (f) f.key = this.part();
        return;
      }
      case 'startString':
        this.startPart();
        this.partMax = this.keeps() ? this.limits.maxString : 0;
        return;
      case 'startNumber':
        this.inNumber = true;
        return this.startPart();
      case 'stringChunk':
        return this.chunk(t.value, this.inKey ? MAX_KEY : this.partMax);
      case 'numberChunk':
        return this.chunk(t.value, MAX_NUMBER);
      case 'endString': {
        const s = this.part();
        if (this.partCut && this.partMax > 0) this.noteCut(this.top()?.key ?? 'value');
        return this.add(s, s.length + 8);
      }
      case 'endNumber': {
        this.inNumber = false;
        const s = this.part();
        return this.add(this.partCut ? null : Number(s), 16);
      }
      case 'nullValue':
      case 'trueValue':
      case 'falseValue':
        return this.add(t.value, 8);
      default:
        return;
    }
  }

  /** True while a top-level value is open (the input ended inside it when the stream ends). */
  get pending(): boolean {
    return this.stack.length > 0 || this.inNumber;
  }
}
