// Markup built as a string, for long lists of static rows that React would otherwise walk three times per request
// (server components, their payload, the HTML). Every interpolated value is escaped unless it is already Html.

declare const brand: unique symbol;

/** Markup made by the `html` template below and nothing else: the type cannot be written as a literal. */
export type Html = { readonly html: string; readonly [brand]: true };

// The runtime half of the brand: an object claiming to be Html that the template did not make is refused.
const made = new WeakSet<object>();

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

type Value = string | number | Html | null | undefined | false | readonly Value[];

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (typeof value === 'object') {
    if (!made.has(value)) throw new TypeError('html: an object that the html template did not make');
    return (value as Html).html;
  }
  return escapeHtml(String(value));
}

// A template's literal parts without their line breaks and the indentation after them, once per call site (the
// strings array is the same object on every call of one template).
const literals = new WeakMap<TemplateStringsArray, string[]>();
function literalParts(strings: TemplateStringsArray): string[] {
  let parts = literals.get(strings);
  if (!parts) literals.set(strings, (parts = strings.map((part) => part.replace(/\n\s*/g, ''))));
  return parts;
}

/**
 * html`<td>${text}</td>`: the literal parts as written, the values escaped (attributes must be quoted). Line breaks
 * in the literal parts and the indentation after them are dropped, so markup can be written on readable lines.
 */
export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  const parts = literalParts(strings);
  let out = parts[0] ?? '';
  values.forEach((value, index) => (out += render(value) + (parts[index + 1] ?? '')));
  const result = { html: out } as Html;
  made.add(result);
  return result;
}
