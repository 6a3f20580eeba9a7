import 'server-only';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';

/**
 * A browser that completed a sign-in gets a device cookie: a random id and an HMAC over (user, id) with the
 * server's secret. On a later sign-in of the same user it is counted on its own by the throttle, so failures
 * from other addresses (an attacker's) cannot lock the owner's own browser out.
 */
export const DEVICE_COOKIE = 'amili_device';
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 180 * 24 * 60 * 60;

function mac(userId: string, deviceId: string) {
  return createHmac('sha256', env().AUTH_SECRET).update(`known-device:${userId}:${deviceId}`).digest('base64url');
}

/** The device id in `token` when it was issued to this user, else null. */
export function knownDevice(token: string | null | undefined, userId: string): string | null {
  const [deviceId, given, ...rest] = token?.split('.') ?? [];
  if (!deviceId || !given || rest.length > 0 || !/^[A-Za-z0-9_-]{22}$/.test(deviceId)) return null;
  const expected = Buffer.from(mac(userId, deviceId));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? deviceId : null;
}

/** A token for this user: the same device id when the browser already had one for them, else a new one. */
export function deviceToken(userId: string, current: string | null | undefined): string {
  const deviceId = knownDevice(current, userId) ?? randomBytes(16).toString('base64url');
  return `${deviceId}.${mac(userId, deviceId)}`;
}
