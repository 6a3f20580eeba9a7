/** Fixed secrets shared by the e2e server and the test files that arrange rows for it. */
export const E2E_SECRETS = {
  AUTH_SECRET: 'e2e-auth-secret-0123456789abcdef0123456789abcdef',
  ENCRYPTION_KEY: '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff',
};
