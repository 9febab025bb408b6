// Resolves a plain (unquoted, untagged) YAML scalar the way the YAML 1.2 core schema does,
// which is what js-yaml's `load` uses by default, so the tree and `load` agree on types.

const NULL_RE = /^(?:~|null|Null|NULL)?$/;
const TRUE_RE = /^(?:true|True|TRUE)$/;
const FALSE_RE = /^(?:false|False|FALSE)$/;
const DEC_INT_RE = /^[-+]?[0-9]+$/;
const OCT_INT_RE = /^0o[0-7]+$/;
const HEX_INT_RE = /^0x[0-9a-fA-F]+$/;
const FLOAT_RE = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const INF_RE = /^[-+]?\.(?:inf|Inf|INF)$/;
const NAN_RE = /^\.(?:nan|NaN|NAN)$/;

export function resolvePlainScalar(raw: string): string | number | boolean | null {
  if (raw.length === 0) return null;
  // Dispatch on the first character (and length) so the common words skip every pattern:
  // `Task`, `FnF.ALL` and `Next` start like `true`, `false` and `null` but are not as long.
  switch (raw.charCodeAt(0)) {
    case 0x7e: /* ~ */
      return raw.length === 1 ? null : raw;
    case 0x6e: /* n */ case 0x4e: /* N */
      return raw.length === 4 && NULL_RE.test(raw) ? null : raw;
    case 0x74: /* t */ case 0x54: /* T */
      return raw.length === 4 && TRUE_RE.test(raw) ? true : raw;
    case 0x66: /* f */ case 0x46: /* F */
      return raw.length === 5 && FALSE_RE.test(raw) ? false : raw;
    case 0x2e: /* . */ case 0x2b: /* + */ case 0x2d: /* - */
    case 0x30: case 0x31: case 0x32: case 0x33: case 0x34: case 0x35: case 0x36: case 0x37: case 0x38: case 0x39:
      return resolveNumber(raw);
    default:
      return raw;
  }
}

function resolveNumber(raw: string): number | string {
  if (DEC_INT_RE.test(raw)) return parseInt(raw, 10);
  if (OCT_INT_RE.test(raw)) return parseInt(raw.slice(2), 8);
  if (HEX_INT_RE.test(raw)) return parseInt(raw.slice(2), 16);
  if (FLOAT_RE.test(raw)) return parseFloat(raw);
  if (INF_RE.test(raw)) return raw.startsWith('-') ? -Infinity : Infinity;
  if (NAN_RE.test(raw)) return NaN;
  return raw;
}

/** Applies an explicit standard tag (`!!str`, `!!int`...); other tags keep the scalar as written. */
export function resolveTaggedScalar(tag: string, raw: string): string | number | boolean | null {
  switch (tag) {
    case '!!str':
    case '!':
      return raw;
    case '!!int':
    case '!!float': {
      const v = resolvePlainScalar(raw);
      return typeof v === 'number' ? v : raw;
    }
    case '!!bool': {
      const v = resolvePlainScalar(raw);
      return typeof v === 'boolean' ? v : raw;
    }
    case '!!null':
      return null;
    default:
      return raw;
  }
}
