import { pgEnum } from 'drizzle-orm/pg-core';

export const roleEnum = pgEnum('role', ['read', 'write', 'admin']);
export const localeEnum = pgEnum('locale', ['nb', 'en']);
export const secondFactorMethodEnum = pgEnum('second_factor_method', ['totp', 'sms', 'passkey']);
