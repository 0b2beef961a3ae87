/**
 * Where a JSON text goes wrong: V8's JSON.parse names a position for most errors but not
 * all (`Unexpected token 'x', "…" is not valid JSON` has none), so on the error path a
 * small iterative scanner finds the first offset that cannot be valid JSON. Only used
 * after JSON.parse has failed, so it need not be fast; it must not recurse (deeply nested
 * hostile input) and must terminate on any input.
 */

/** 1-based line and column of a UTF-16 offset. */
export function lineCol(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return { line, column: offset - last };
}

const WS = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// eslint-disable-next-line no-control-regex -- control characters are what this matches
const STRING = /"(?:[^"\\\u0000-\u001F]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

/** The offset of the first syntax error in `text`, or -1 if it is valid JSON. */
export function firstJsonError(text: string): number {
  let i = 0;
  const n = text.length;
  const skip = () => {
    while (i < n && WS.has(text[i]!)) i++;
  };
  const match = (re: RegExp): boolean => {
    re.lastIndex = i;
    if (!re.test(text)) return false;
    i = re.lastIndex;
    return true;
  };
  // Stack of open containers: '[' or '{'. `want` is what may come next.
  const stack: string[] = [];
  let want: 'value' | 'key' | 'after' = 'value';
  for (;;) {
    skip();
    if (i >= n) return want === 'after' && stack.length === 0 ? -1 : n;
    const c = text[i]!;
    const top = stack[stack.length - 1];
    if (want === 'value') {
      if (c === '[' || c === '{') {
        stack.push(c);
        i++;
        skip();
        if (text[i] === (c === '[' ? ']' : '}')) {
          stack.pop();
          i++;
          want = 'after';
        } else want = c === '{' ? 'key' : 'value';
      } else if (c === '"' ? match(STRING) : match(NUMBER) || /^(?:true|false|null)/.test(text.slice(i, i + 5))) {
        if (c === 't' || c === 'n') i += 4;
        else if (c === 'f') i += 5;
        want = 'after';
      } else return i;
    } else if (want === 'key') {
      if (c !== '"' || !match(STRING)) return i;
      skip();
      if (text[i] !== ':') return i;
      i++;
      want = 'value';
    } else {
      if (top === undefined) return i; // something after the top-level value
      if (c === ',') {
        i++;
        want = top === '{' ? 'key' : 'value';
      } else if (c === (top === '[' ? ']' : '}')) {
        stack.pop();
        i++;
      } else return i;
    }
  }
}
