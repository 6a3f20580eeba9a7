// Demo sign-in data, shared by the seed, the sign-in page hint and the tests. No imports on purpose.

/** The password of every demo user. */
export const DEMO_PASSWORD = 'Demo-passord-2026';

/** Base32 TOTP secret of every demo user (the RFC 6238 example seed); `npm run demo:otp` prints a code. */
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

export type DemoRole = 'read' | 'write' | 'admin';

/**
 * The demo creditors, with fixed ids. The first has the most cases (~180, manual and import); the second is
 * connected to AutoCollect (Tripletex); the third has ~60 cases. `kidPrefix` starts every KID of the company.
 */
export const DEMO_COMPANIES = [
  {
    id: '5eed0000-0000-4000-8000-000000000001',
    name: 'Fjordlys Demo AS',
    organisationNumber: '918273646',
    payoutAccountNumber: '15031234562',
    kidPrefix: '2001',
  },
  {
    id: '5eed0000-0000-4000-8000-000000000002',
    name: 'Nordlys Elektro AS',
    organisationNumber: '927364514',
    payoutAccountNumber: '12074567892',
    kidPrefix: '2002',
  },
  {
    id: '5eed0000-0000-4000-8000-000000000003',
    name: 'Bergen Rørlegger AS',
    organisationNumber: '936451721',
    payoutAccountNumber: '97102345677',
    kidPrefix: '2003',
  },
] as const;

export type DemoUser = {
  email: string;
  name: string;
  /** One membership per company the user belongs to. */
  roles: readonly { companyId: string; companyName: string; role: DemoRole }[];
  description: string;
  /** Agency staff: works on the desk, belongs to no creditor company. */
  isAgencyStaff?: true;
};

const [FIRST, SECOND, THIRD] = DEMO_COMPANIES;

export const DEMO_USERS: readonly DemoUser[] = [
  {
    email: 'admin@demo.no',
    name: 'Anne Administrator',
    roles: [FIRST, SECOND, THIRD].map((company) => ({ companyId: company.id, companyName: company.name, role: 'admin' })),
    description: `Administrator in ${FIRST.name}, ${SECOND.name} and ${THIRD.name}`,
  },
  {
    email: 'skriv@demo.no',
    name: 'Sigurd Skriver',
    roles: [{ companyId: FIRST.id, companyName: FIRST.name, role: 'write' }],
    description: `Write (Skrive) in ${FIRST.name}`,
  },
  {
    email: 'les@demo.no',
    name: 'Liv Leser',
    roles: [{ companyId: FIRST.id, companyName: FIRST.name, role: 'read' }],
    description: `Read (Lese) in ${FIRST.name}`,
  },
  {
    email: 'saksbehandler@demo.no',
    name: 'Sara Saksbehandler',
    roles: [],
    description: 'Case handler at the agency (the desk, /nb/desk)',
    isAgencyStaff: true,
  },
];

/**
 * The demo's AutoCollect API key, for Nordlys Elektro AS (the company connected to AutoCollect): seeded with the
 * demo only (its payments and credit notes come through it), used by `npm run demo:autocollect`. Never a real
 * key: it is in the README.
 */
export const DEMO_API_KEY = 'ac_5eed0002_DemoNordlysElektroTripletexKey0000000000000';
export const DEMO_API_KEY_COMPANY_ID = '5eed0000-0000-4000-8000-000000000002';
