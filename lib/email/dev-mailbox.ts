/**
 * The development mailbox shows every outbox email with live links: on in development, and in production
 * only with DEV_MAILBOX=1 (the demo's `npm start` without RESEND_API_KEY sets it). Otherwise the page is a 404.
 */
export function isDevMailboxEnabled(nodeEnv: string | undefined, devMailbox: string | undefined): boolean {
  return nodeEnv !== 'production' || devMailbox === '1';
}
