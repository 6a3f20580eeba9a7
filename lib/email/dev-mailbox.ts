/**
 * The development mailbox shows the outbox (emails and SMS) with live links: only in the demo (the one demo switch,
 * PORTAL_DEMO=1, which `npm start` sets outside production), and there only to someone with a live session.
 */
export function isDevMailboxEnabled(demo: boolean, nodeEnv: string | undefined): boolean {
  return demo || nodeEnv === 'development';
}
