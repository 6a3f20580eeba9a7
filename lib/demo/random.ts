import { mod11CheckDigit } from '@/lib/norwegian-ids';

// The seeded random source and the Norwegian names and places, shared by the demo and the bulk seed.

export const FIRST_NAMES = [
  'Kari',
  'Ola',
  'Åse',
  'Øystein',
  'Ingrid',
  'Lars',
  'Bjørn',
  'Siri',
  'Håkon',
  'Marit',
  'Torbjørn',
  'Solveig',
  'Per',
  'Nils',
  'Hilde',
  'Eirik',
  'Ragnhild',
  'Jørgen',
  'Sigrid',
  'Knut',
  'Tone',
  'Geir',
  'Anne-Lise',
  'Ståle',
  'Kristin',
  'Terje',
  'Mette',
  'Ove',
  'Gro',
  'Trond',
  'Line',
  'Espen',
  'Åsmund',
  'Britt',
  'Even',
  'Synnøve',
] as const;

export const LAST_NAMES = [
  'Nordmann',
  'Hansen',
  'Johansen',
  'Olsen',
  'Larsen',
  'Andersen',
  'Pedersen',
  'Nilsen',
  'Kristiansen',
  'Jensen',
  'Karlsen',
  'Berg',
  'Haugen',
  'Hagen',
  'Bjørnstad',
  'Lærum',
  'Dahl',
  'Lie',
  'Solberg',
  'Bakken',
  'Strøm',
  'Sæther',
  'Aas',
  'Rønning',
  'Fjeld',
  'Myhre',
  'Løken',
  'Tveit',
  'Engen',
  'Sørensen',
  'Holm',
  'Østby',
  'Vågen',
] as const;

export const COMPANY_NAME_PREFIXES = [
  'Vik',
  'Berg',
  'Strand',
  'Nord',
  'Fjell',
  'Dal',
  'Sjø',
  'Lund',
  'Haug',
  'Mo',
  'Ås',
  'Øye',
  'Bø',
  'Eide',
  'Voss',
] as const;

export const COMPANY_TRADES = [
  'Bygg',
  'Transport',
  'Regnskap',
  'Catering',
  'Maskin',
  'Eiendom',
  'Snekkeri',
  'Frisør',
  'Bilverksted',
  'Maling',
  'Blomster',
  'Bakeri',
  'Entreprenør',
] as const;

export const STREETS = [
  'Storgata',
  'Kirkegata',
  'Skolegata',
  'Strandveien',
  'Bjørkeveien',
  'Granveien',
  'Solbakken',
  'Møllevegen',
  'Fjordgata',
  'Havnegata',
  'Løvåsveien',
  'Åsveien',
  'Elvegata',
  'Parkveien',
  'Kongens gate',
] as const;

/** Real postcodes with their post towns. */
export const PLACES: readonly (readonly [postcode: string, city: string])[] = [
  ['0150', 'Oslo'],
  ['0473', 'Oslo'],
  ['0661', 'Oslo'],
  ['5003', 'Bergen'],
  ['5089', 'Bergen'],
  ['7010', 'Trondheim'],
  ['7030', 'Trondheim'],
  ['4006', 'Stavanger'],
  ['4021', 'Stavanger'],
  ['9008', 'Tromsø'],
  ['3015', 'Drammen'],
  ['4610', 'Kristiansand'],
  ['1606', 'Fredrikstad'],
  ['2609', 'Lillehammer'],
  ['8006', 'Bodø'],
  ['6002', 'Ålesund'],
  ['3210', 'Sandefjord'],
  ['2317', 'Hamar'],
  ['1530', 'Moss'],
  ['3117', 'Tønsberg'],
  ['1337', 'Sandvika'],
  ['2000', 'Lillestrøm'],
  ['5527', 'Haugesund'],
  ['6509', 'Kristiansund N'],
  ['8514', 'Narvik'],
  ['9600', 'Hammerfest'],
  ['3616', 'Kongsberg'],
  ['2815', 'Gjøvik'],
  ['3724', 'Skien'],
  ['4836', 'Arendal'],
];

export type Rng = {
  next: () => number;
  int: (min: number, max: number) => number;
  pick: <T>(items: readonly T[]) => T;
  chance: (probability: number) => boolean;
};

/** mulberry32: a tiny 32-bit PRNG, so the same seed always gives the same demo data. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  function next(): number {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (probability) => next() < probability,
  };
}

/** A valid organisation number starting with 9 (MOD11, remainder 10 skipped). */
export function makeOrganisationNumber(rng: Rng): string {
  for (;;) {
    const base = `9${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
    const check = mod11CheckDigit(base);
    if (check !== '-') return base + check;
  }
}

/** A version-4-shaped uuid drawn from `rng`, so the demo's ids are the same on every run. */
export function uuidFrom(rng: Rng): string {
  const hex = Array.from({ length: 4 }, () =>
    Math.floor(rng.next() * 4_294_967_296)
      .toString(16)
      .padStart(8, '0'),
  ).join('');
  const variant = '89ab'[Number.parseInt(hex.charAt(16), 16) & 3];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
