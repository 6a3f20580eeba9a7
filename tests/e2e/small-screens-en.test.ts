import { browserSuite } from '@/tests/helpers/browser-suite';
import { describeSmallScreens } from '@/tests/helpers/small-screen-checks';

// The English half of the small-screen checks (the rest: small-screens.test.ts), a file of its own so e2e workers share the load.
describeSmallScreens('en', browserSuite());
