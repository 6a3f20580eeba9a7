import { describe, expect, it } from 'vitest';
import { signInSchema, verifyCodeSchema } from '@/lib/auth/schemas';
import { DomainError, NotAllowedError } from '@/lib/errors';
import { failed, guarded, invalid, succeeded } from '@/lib/form-state';

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

describe('form state', () => {
  it('maps zod issues to message keys per field and echoes what was typed, but never the password', () => {
    const data = form({ email: 'ikke-en-epost', password: 'hemmelig' });
    const parsed = signInSchema.safeParse(Object.fromEntries(data));
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const state = invalid(parsed.error, data);
    expect(state.fieldErrors).toEqual({ email: 'validation.email' });
    expect(state.values).toEqual({ email: 'ikke-en-epost' });
  });

  it('drops one-time codes from echoed values', () => {
    expect(failed('auth.errors.invalidCode', form({ code: '123456' })).values).toEqual({});
  });

  it('normalises an email to lower case and accepts a spaced code', () => {
    expect(signInSchema.parse({ email: ' Admin@Demo.NO ', password: 'x' }).email).toBe('admin@demo.no');
    expect(verifyCodeSchema.parse({ code: '123 456' }).code).toBe('123456');
    expect(verifyCodeSchema.safeParse({ code: '12345a' }).success).toBe(false);
  });
});

describe('guarded()', () => {
  it("answers an expected refusal (the gate's too) with its key and the typed values, never the password", async () => {
    const data = form({ reason: 'Betalt direkte', password: 'hemmelig' });
    await expect(
      guarded(data, async () => {
        throw new DomainError('cases.errors.closed');
      }),
    ).resolves.toEqual({
      status: 'error',
      message: 'cases.errors.closed',
      values: { reason: 'Betalt direkte' },
    });
    await expect(
      guarded(data, async () => {
        throw new NotAllowedError();
      }),
    ).resolves.toMatchObject({ message: 'common.errors.notAllowed' });
  });

  it('passes the work’s own state through, and lets anything else (a bug, a redirect) go on', async () => {
    await expect(guarded(form({}), async () => succeeded('payments.registered'))).resolves.toEqual({
      status: 'success',
      message: 'payments.registered',
    });
    await expect(
      guarded(form({}), async () => {
        throw new TypeError('boom');
      }),
    ).rejects.toThrow('boom');
  });
});
