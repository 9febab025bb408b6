// The built-in functions of the current spec with their arity, for checks, completion and hover.
// Facts: research fnf.md §2.3.4 and fnf-gaps.md §1.4. Where the vendor gives only a purpose and no
// signature, the arity is inferred from that purpose and `signatureDocumented` is false.

export interface BuiltinFunction {
  readonly name: string;
  readonly minArgs: number;
  /** `Infinity` for variadic functions. */
  readonly maxArgs: number;
  readonly signature: string;
  readonly description: string;
  readonly signatureDocumented: boolean;
  /** Another name for the same function (`fromJSON` -> `stringToJson`). */
  readonly aliasOf?: string;
}

const fn = (
  name: string, minArgs: number, maxArgs: number, signature: string, description: string,
  signatureDocumented = true, aliasOf?: string,
): BuiltinFunction => ({ name, minArgs, maxArgs, signature, description, signatureDocumented, ...(aliasOf ? { aliasOf } : {}) });

export const BUILTIN_FUNCTIONS: readonly BuiltinFunction[] = [
  fn('arrayContains', 2, 2, 'arrayContains(array: []any, value: any) -> bool', 'Whether the array contains the value. `arrayContains(["Tom",10],10)` -> `true`.'),
  fn('arrayUnique', 1, 1, 'arrayUnique(array: []any) -> []any', 'Removes duplicate elements. `arrayUnique([1,2,3,1])` -> `[1,2,3]`.'),
  fn('format', 1, Infinity, 'format(template: string, ...args: any) -> string', 'Fills `{}` placeholders in order. `format("hello {}","world")` -> `"hello world"`.'),
  fn('fromBase64', 1, 1, 'fromBase64(text: string) -> string', 'Decodes Base64. `fromBase64("Rm5G")` -> `"FnF"`.'),
  fn('stringToJson', 1, 1, 'stringToJson(text: string) -> map[string]any', 'Parses a JSON string into an object.'),
  fn('fromJSON', 1, 1, 'fromJSON(text: string) -> map[string]any', 'Alias of `stringToJson`: parses a JSON string into an object.', true, 'stringToJson'),
  fn('hash', 2, 2, 'hash(input: string, algorithm: "MD5"|"SHA-1"|"SHA-256"|"SHA-512") -> string', 'Hex digest of the input. `hash("abc","MD5")` -> `"900150983cd24fb0d6963f7d28e17f72"`.'),
  fn('jsonMerge', 2, 2, 'jsonMerge(a: map[string]any, b: map[string]any) -> map[string]any', 'Merges two objects; keys of the second win.'),
  fn('length', 1, 1, 'length(value: []any | map[string]any | string) -> int', 'Length of an array, object or string. `length([1,2,3])` -> `3`.'),
  fn('mapKeys', 1, 1, 'mapKeys(map: map[string]any) -> []string', 'All keys of an object as an array.'),
  fn('mapValues', 1, 1, 'mapValues(map: map[string]any) -> []any', 'All values of an object as an array.', false),
  fn('regexMatchString', 2, 2, 'regexMatchString(text: string, pattern: string) -> bool', 'Whether the text matches the regular expression.', false),
  fn('split', 2, 2, 'split(text: string, separator: string) -> []string', 'Splits a string by a separator.', false),
  fn('toArray', 0, Infinity, 'toArray(...values: any) -> []any', 'Collects its arguments into an array.', false),
  fn('get', 2, 2, 'get(container: []any | map[string]any, key: int | string) -> any', 'One element of an array (by index) or of an object (by key).', false),
  fn('intAdd', 2, 2, 'intAdd(a: int, b: int) -> int', 'Sum of two integers.', false),
  fn('randomInt', 2, 2, 'randomInt(min: int, max: int) -> int', 'A random integer in the given range.', false),
  fn('uuid', 0, 0, 'uuid() -> string', 'A new random UUID.', false),
  fn('toBase64', 1, 1, 'toBase64(text: string) -> string', 'Encodes a string as Base64 (counterpart of `fromBase64`; not confirmed by the vendor docs).', false),
  fn('jsonToString', 1, 1, 'jsonToString(value: any) -> string', 'Serialises a value as JSON text (not confirmed by the vendor docs).', false),
];

const BY_NAME = new Map(BUILTIN_FUNCTIONS.map((f) => [f.name, f]));

export function builtinFunction(name: string): BuiltinFunction | undefined {
  return BY_NAME.get(name);
}
