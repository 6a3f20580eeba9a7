// Markup built as a string, for long lists of static rows that React would otherwise walk three times per request
// (server components, their payload, the HTML). Every interpolated value is escaped unless it is already Html.

export type Html = { readonly html: string };

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

type Value = string | number | Html | null | undefined | false | readonly Value[];

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (typeof value === 'object') return (value as Html).html;
  return escapeHtml(String(value));
}

/** html`<td>${text}</td>`: the literal parts as written, the values escaped (attributes must be quoted). */
export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, index) => (out += render(value) + (strings[index + 1] ?? '')));
  return { html: out };
}
