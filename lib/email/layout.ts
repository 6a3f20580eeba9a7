import { escapeHtml } from '@/lib/html';

export type RenderedEmail = { subject: string; text: string; html: string };

/** Every email's HTML: its paragraphs, one button with the link written out below it, the closing lines. */
export function layout(paragraphs: string[], action: { label: string; url: string }, closing: string[]): RenderedEmail['html'] {
  const p = (text: string) => `<p style="margin:0 0 16px">${escapeHtml(text).replace(/\n/g, '<br>')}</p>`;
  const button = `<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="background:#1d4ed8;color:#fff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600">${escapeHtml(action.label)}</a></p>`;
  const fallback = `<p style="margin:0 0 16px;font-size:13px;color:#475569">${escapeHtml(action.url)}</p>`;
  return `<!doctype html><html><body style="font-family:Arial,sans-serif;font-size:15px;line-height:1.5;color:#0f172a;max-width:560px;margin:0 auto;padding:24px">${paragraphs.map(p).join('')}${button}${fallback}${closing.map(p).join('')}</body></html>`;
}
