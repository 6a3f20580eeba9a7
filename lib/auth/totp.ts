import { generate, generateSecret, generateURI, verify } from 'otplib';

/** Accepts the current code and one 30-second step either side; rejects steps already used (replay). */
export async function verifyTotp(secret: string, token: string, lastUsedStep: number | null) {
  const result = await verify({
    secret,
    token,
    epochTolerance: 30,
    ...(lastUsedStep !== null ? { afterTimeStep: lastUsedStep } : {}),
  });
  if (!result.valid || !('timeStep' in result)) return { valid: false as const };
  return { valid: true as const, timeStep: result.timeStep };
}

export function currentTotp(secret: string) {
  return generate({ secret });
}

export function newTotpSecret() {
  return generateSecret({ length: 20 });
}

export function totpUri(issuer: string, label: string, secret: string) {
  return generateURI({ issuer, label, secret });
}
