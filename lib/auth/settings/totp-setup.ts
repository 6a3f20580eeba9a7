import 'server-only';
import { createHmac } from 'node:crypto';
import QRCode from 'qrcode';
import { env } from '@/lib/env';
import { base32 } from '@/lib/auth/crypto';

/**
 * The secret offered on "Konfigurer → App": derived from the session and the current app's setup time with the
 * server key, so it stays the same across renders and failed tries, and changes once it has been saved.
 */
export function pendingTotpSecret(sessionId: string, currentConfirmedAt: Date | null, key = env().AUTH_SECRET): string {
  const mac = createHmac('sha256', key)
    .update(`totp-setup:${sessionId}:${currentConfirmedAt?.toISOString() ?? 'none'}`)
    .digest();
  return base32(mac.subarray(0, 20));
}

/** The otpauth URI as an SVG QR code in a data URL, rendered on the server (no script, no request). */
export async function qrDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
