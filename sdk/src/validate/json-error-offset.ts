// Where a JSON text first goes wrong. Node 20's JSON.parse often names the bad token without its position
// ("Unexpected token '}', ..."x": }" is not valid JSON"), so on failure we re-scan the text to find it.
// Only called after JSON.parse has failed, so speed does not matter; it mirrors RFC 8259's grammar.

class Fault {
  constructor(readonly offset: number) {}
}

export function jsonErrorOffset(text: string): number {
  let i = 0;
  const fail = (): never => {
    throw new Fault(i);
  };
  const ws = (): void => {
    while (i < text.length && " \t\n\r".includes(text.charAt(i))) i++;
  };
  const literal = (word: string): void => {
    for (const ch of word) {
      if (text.charAt(i) !== ch) fail();
      i++;
    }
  };
  const string = (): void => {
    i++; // opening quote
    while (i < text.length) {
      const ch = text.charAt(i);
      if (ch === '"') {
        i++;
        return;
      }
      if (ch < " ") fail();
      if (ch === "\\") {
        i++;
        const esc = text.charAt(i);
        if (esc === "u") {
          for (let k = 1; k <= 4; k++)
            if (!/[0-9a-fA-F]/u.test(text.charAt(i + k))) {
              i += k;
              fail();
            }
          i += 5;
          continue;
        }
        if (!'"\\/bfnrt'.includes(esc) || esc === "") fail();
      }
      i++;
    }
    fail();
  };
  const number = (): void => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/u.exec(text.slice(i));
    if (!m || m[0] === "" || m[0] === "-") fail();
    i += (m as RegExpExecArray)[0].length;
  };
  const value = (): void => {
    ws();
    const ch = text.charAt(i);
    if (ch === "{") {
      i++;
      ws();
      if (text.charAt(i) === "}") {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text.charAt(i) !== '"') fail();
        string();
        ws();
        if (text.charAt(i) !== ":") fail();
        i++;
        value();
        ws();
        if (text.charAt(i) === ",") {
          i++;
          continue;
        }
        if (text.charAt(i) === "}") {
          i++;
          return;
        }
        fail();
      }
    } else if (ch === "[") {
      i++;
      ws();
      if (text.charAt(i) === "]") {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text.charAt(i) === ",") {
          i++;
          continue;
        }
        if (text.charAt(i) === "]") {
          i++;
          return;
        }
        fail();
      }
    } else if (ch === '"') string();
    else if (ch === "t") literal("true");
    else if (ch === "f") literal("false");
    else if (ch === "n") literal("null");
    else if (ch === "-" || (ch >= "0" && ch <= "9")) number();
    else fail();
  };
  try {
    value();
    ws();
    if (i < text.length) fail();
    return text.length;
  } catch (error) {
    if (error instanceof Fault) return Math.min(error.offset, text.length);
    throw error;
  }
}
