import { DEMO_TOTP_SECRET } from '@/lib/demo/accounts';
import { currentTotp } from '@/lib/auth/totp';

// Prints the current code for the demo accounts' shared TOTP secret (`npm run demo:otp`).
const code = await currentTotp(DEMO_TOTP_SECRET);
const secondsLeft = 30 - (Math.floor(Date.now() / 1000) % 30);
console.log(`${code}  (valid for ${secondsLeft} more seconds)`);
