import { describe, expect, it } from 'vitest';
import { parseMobileNumber } from '@/lib/auth/phone';
import { qrDataUrl } from '@/lib/auth/settings/totp-setup';

describe('mobile numbers for SMS', () => {
  it('accepts Norwegian mobiles (8 digits starting with 4 or 9) with or without +47', () => {
    expect(parseMobileNumber('912 34 567')).toBe('+4791234567');
    expect(parseMobileNumber('+47 412 34 567')).toBe('+4741234567');
    expect(parseMobileNumber('0047 98765432')).toBe('+4798765432');
  });

  it('refuses Norwegian landlines and short numbers, accepts other countries in E.164', () => {
    expect(parseMobileNumber('22 33 44 55')).toBeNull();
    expect(parseMobileNumber('+47 22334455')).toBeNull();
    expect(parseMobileNumber('9123456')).toBeNull();
    expect(parseMobileNumber('+46 70 123 45 67')).toBe('+46701234567');
    expect(parseMobileNumber('+46 1')).toBeNull();
  });
});

describe('QR code', () => {
  it('is an SVG rendered on the server, as a data URL', async () => {
    const url = await qrDataUrl('otpauth://totp/Amili:ola@firma.no?secret=JBSWY3DPEHPK3PXP&issuer=Amili');
    expect(url.startsWith('data:image/svg+xml;base64,')).toBe(true);
    expect(Buffer.from(url.split(',')[1] ?? '', 'base64').toString()).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
  });
});
