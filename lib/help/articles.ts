import type { MessageKeys, Messages, NestedKeyOf } from 'next-intl';

/**
 * The help centre's articles: structure only; the prose lives in messages under `helpArticles.<key>`.
 * Each paragraph or step is one message (`intro1…`, `step1…`, `outro1…`); where it names a place in the
 * portal, its message wraps that name in `<link>` and `href` below says where it goes (null: no link).
 */
export type ArticleKey = keyof Messages['helpArticles'];
/** A key inside the `helpArticles` namespace. */
export type ArticleMessageKey = MessageKeys<Messages['helpArticles'], NestedKeyOf<Messages['helpArticles']>>;

/** A portal route without the locale prefix; the next-intl Link adds it. */
export type PortalPath =
  | '/cases'
  | '/insights'
  | '/reports'
  | '/settings'
  | '/settings/notifications'
  | '/settings/users'
  | '/settings/security'
  | '/settings/beta';

type Hrefs = readonly (PortalPath | null)[];

export type HelpArticle = {
  slug: string;
  key: ArticleKey;
  intro: Hrefs;
  steps: Hrefs;
  outro: Hrefs;
  /** Ends with "Les mer om de ulike rollene her" (the article depends on the reader's role). */
  linksToRoles: boolean;
  related: readonly string[];
};

export type ArticlePiece = { kind: 'intro' | 'step' | 'outro'; messageKey: ArticleMessageKey; href: PortalPath | null };

export const HELP_PATH = '/help';
export const ROLES_PATH = '/help/roles';

export const HELP_ARTICLES: readonly HelpArticle[] = [
  {
    slug: 'see-invoice-history',
    key: 'seeInvoiceHistory',
    intro: [null],
    steps: ['/cases', null, null, null, null],
    outro: [],
    linksToRoles: false,
    related: ['find-payment-information', 'stop-or-pause-invoice'],
  },
  {
    slug: 'invite-users',
    key: 'inviteUsers',
    intro: [null],
    steps: [null, '/settings', '/settings/users', null, null, null],
    outro: [],
    linksToRoles: true,
    related: ['change-user-role', 'remove-user-from-company', 'change-user-email'],
  },
  {
    slug: 'change-user-role',
    key: 'changeUserRole',
    intro: [null],
    steps: [null, '/settings', '/settings/users', null, null, null, null],
    outro: [],
    linksToRoles: true,
    related: ['invite-users', 'remove-user-from-company'],
  },
  {
    slug: 'remove-user-from-company',
    key: 'removeUserFromCompany',
    intro: [null],
    steps: [null, '/settings', '/settings/users', null, null, null, null],
    outro: [],
    linksToRoles: true,
    related: ['change-user-role', 'change-user-email'],
  },
  {
    slug: 'turn-off-email-notifications',
    key: 'turnOffEmailNotifications',
    intro: [null],
    steps: [null, '/settings', '/settings/notifications', null],
    outro: [],
    linksToRoles: false,
    related: ['answer-tasks'],
  },
  {
    slug: 'stop-or-pause-invoice',
    key: 'stopOrPauseInvoice',
    intro: [null],
    steps: ['/cases', null, null],
    outro: [null],
    linksToRoles: true,
    related: ['see-invoice-history', 'see-open-cases'],
  },
  {
    slug: 'change-user-email',
    key: 'changeUserEmail',
    intro: [null, null],
    steps: [],
    outro: [],
    linksToRoles: false,
    related: ['invite-users', 'remove-user-from-company'],
  },
  {
    slug: 'register-payment',
    key: 'registerPayment',
    intro: [null, null],
    steps: ['/cases', null, null, null, null],
    outro: [null],
    linksToRoles: true,
    related: ['register-credit-note', 'find-payment-information'],
  },
  {
    slug: 'register-credit-note',
    key: 'registerCreditNote',
    intro: [null, null],
    steps: ['/cases', null, null, null, null],
    outro: [null],
    linksToRoles: true,
    related: ['register-payment'],
  },
  {
    slug: 'find-payment-information',
    key: 'findPaymentInformation',
    intro: [null],
    steps: ['/cases', null, null],
    outro: [],
    linksToRoles: false,
    related: ['see-invoice-history', 'register-payment'],
  },
  {
    slug: 'change-password',
    key: 'changePassword',
    intro: [null],
    steps: [null, '/settings', '/settings/security', null],
    outro: [],
    linksToRoles: false,
    related: ['switch-two-factor-method'],
  },
  {
    slug: 'switch-two-factor-method',
    key: 'switchTwoFactorMethod',
    intro: [null],
    steps: [null, '/settings', '/settings/security', null, null],
    outro: [],
    linksToRoles: false,
    related: ['change-password'],
  },
  {
    slug: 'find-remittance-slips',
    key: 'findRemittanceSlips',
    intro: [null],
    steps: ['/reports', null, null, null],
    outro: [],
    linksToRoles: false,
    related: ['register-payment'],
  },
  {
    slug: 'answer-tasks',
    key: 'answerTasks',
    intro: ['/insights', null],
    steps: ['/insights', null],
    outro: [],
    linksToRoles: false,
    related: ['turn-off-email-notifications'],
  },
  {
    slug: 'change-language',
    key: 'changeLanguage',
    intro: [null, null],
    steps: [null, null],
    outro: [],
    linksToRoles: false,
    related: ['turn-off-email-notifications'],
  },
  {
    slug: 'see-open-cases',
    key: 'seeOpenCases',
    intro: [null],
    steps: ['/cases', null, null],
    outro: [null],
    linksToRoles: false,
    related: ['see-invoice-history', 'stop-or-pause-invoice'],
  },
  {
    slug: 'register-manual-invoice',
    key: 'registerManualInvoice',
    intro: [null, null, '/settings/beta'],
    steps: ['/cases', null, null, null],
    outro: [null],
    linksToRoles: false,
    related: ['register-payment', 'see-open-cases'],
  },
];

export function findArticle(slug: string): HelpArticle | undefined {
  return HELP_ARTICLES.find((article) => article.slug === slug);
}

export function articlePath(article: Pick<HelpArticle, 'slug'>): string {
  return `${HELP_PATH}/${article.slug}`;
}

/** The article's messages in reading order, keys relative to the `helpArticles` namespace (title excluded). */
export function articlePieces(article: HelpArticle): ArticlePiece[] {
  const pieces = (kind: ArticlePiece['kind'], hrefs: Hrefs) =>
    hrefs.map((href, index) => ({ kind, messageKey: `${article.key}.${kind}${index + 1}` as ArticleMessageKey, href }));
  return [...pieces('intro', article.intro), ...pieces('step', article.steps), ...pieces('outro', article.outro)];
}
