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
  const c = raw.charCodeAt(0);
  // Fast path: most keys and values start with a letter other than the special words' ones.
  const maybeSpecial =
    c === 0x7e /* ~ */ || c === 0x6e /* n */ || c === 0x4e /* N */ || c === 0x74 /* t */ || c === 0x54 /* T */ ||
    c === 0x66 /* f */ || c === 0x46 /* F */ || c === 0x2e /* . */ || c === 0x2b /* + */ || c === 0x2d /* - */ ||
    (c >= 0x30 && c <= 0x39);
  if (!maybeSpecial) return raw;
  if (NULL_RE.test(raw)) return null;
  if (TRUE_RE.test(raw)) return true;
  if (FALSE_RE.test(raw)) return false;
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
