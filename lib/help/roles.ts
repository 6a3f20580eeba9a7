import { ROLES } from '@/lib/roles';

/** One row per role on the roles page, in the order of lib/roles.ts; keys in the `help` namespace. */
export const ROLE_ROWS = ROLES.map((role) => ({ role, nameKey: `roles.${role}` as const, mayKey: `roles.${role}May` as const }));

/** The roles page's text in reading order (for search), keys in the `help` namespace. */
export const ROLES_PAGE_KEYS = [
  'roles.intro',
  'roles.perCompany',
  ...ROLE_ROWS.flatMap((row) => [row.nameKey, row.mayKey]),
  'roles.howToChange',
] as const;
