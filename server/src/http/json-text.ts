// The JSON text of frozen values, remembered per object so it is produced at most once. A stored version's body is
// deep-frozen (immutable versions) and the store already holds the exact text it wrote or read for it, so the store
// records that text here and a response sends it as is instead of serialising the plan again.

const texts = new WeakMap<object, string>();

/** Records `text` as the JSON of `value`, which must be frozen (so the two can never drift apart). */
export function rememberJsonText(value: object, text: string): void {
  if (Object.isFrozen(value)) texts.set(value, text);
}

/** JSON text of `value`: the remembered text of a frozen value, or JSON.stringify (remembered if frozen). */
export function jsonText(value: object): string {
  if (!Object.isFrozen(value)) return JSON.stringify(value);
  let text = texts.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    texts.set(value, text);
  }
  return text;
}
