import { handlers } from '@/lib/auth/auth';
import { BODY_LIMITS, withBodyLimit } from '@/lib/http/body-limit';

// Auth.js reads the body itself: it gets at most a few KB of it (a sign-out or CSRF form is far smaller).
export const GET = handlers.GET;
export const POST = withBodyLimit(BODY_LIMITS.form, handlers.POST);
