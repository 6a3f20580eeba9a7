import type { Stage } from '@/lib/demo/context';

// The wording of the demo's tasks from the agency and of its message threads (Norwegian, as users would write).

export type TaskTemplate = { title: string; body: string; answers: readonly string[]; stages?: readonly Stage[] };

export const TASK_TEMPLATES: readonly TaskTemplate[] = [
  {
    title: 'Bekreft kravet',
    body: 'Skyldner bestrider kravet. Kan dere bekrefte at varene ble levert?',
    answers: [
      'Varene ble levert som avtalt. Signert følgeseddel er sendt til dere på e-post.',
      'Kravet er riktig. Kunden har ikke klaget før nå.',
    ],
  },
  {
    title: 'Send kopi av faktura',
    body: 'Skyldner sier at fakturaen aldri kom fram. Kan dere sende oss en kopi av den opprinnelige fakturaen?',
    answers: ['Kopi av fakturaen er sendt til saksbehandler på e-post.'],
  },
  {
    title: 'Godkjenn betalingsavtale',
    body: 'Skyldner ønsker å betale kravet i seks månedlige avdrag. Godkjenner dere en slik avtale?',
    answers: ['Ja, vi godtar seks avdrag.', 'Nei, vi kan godta høyst tre avdrag.'],
  },
  {
    title: 'Bekreft adresse',
    body: 'Post til skyldner kommer i retur. Har dere en annen adresse eller e-postadresse til kunden?',
    answers: ['Kunden har flyttet til Kirkegata 12, 0153 Oslo.', 'Vi har dessverre ingen annen adresse.'],
  },
  {
    title: 'Avklar innsigelse',
    body: 'Skyldner mener at arbeidet ikke ble utført som avtalt, og holder tilbake betalingen. Hva er deres kommentar?',
    answers: [
      'Arbeidet ble godkjent av kunden ved overlevering. Kravet står ved lag.',
      'Vi krediterer 20 % av fakturaen, resten skal betales.',
    ],
  },
  {
    title: 'Bekreft rettslig inkasso',
    body: 'Fristen i betalingsoppfordringen har gått ut. Ønsker dere at vi begjærer utlegg hos namsmannen?',
    answers: ['Ja, gå videre med utlegg.', 'Vent en måned, kunden har lovet å betale.'],
    stages: ['demand', 'legal'],
  },
  {
    title: 'Ettergivelse av renter',
    body: 'Skyldner ber om å få ettergitt rentene mot å betale hovedstolen innen 14 dager. Godtar dere dette?',
    answers: ['Ja, det er greit.', 'Nei, kravet skal betales i sin helhet.'],
    stages: ['demand', 'legal', 'surveillance'],
  },
];

export const MESSAGE_THREADS: readonly { agencyFirst: boolean; lines: readonly string[] }[] = [
  {
    agencyFirst: true,
    lines: [
      'Skyldner har tatt kontakt og ønsker en betalingsavtale over tre måneder. Er det greit for dere?',
      'Det er greit for oss.',
      'Takk, vi setter opp avtalen og sender bekreftelse til skyldner.',
    ],
  },
  { agencyFirst: true, lines: ['Vi har mottatt en delbetaling på saken. Resten følges opp som vanlig.', 'Takk for beskjed.'] },
  {
    agencyFirst: true,
    lines: ['Post til skyldner kom i retur. Vi har funnet ny adresse i Folkeregisteret og sender brevet på nytt.', 'Flott, takk.'],
  },
  {
    agencyFirst: false,
    lines: [
      'Kunden sier at fakturaen er betalt. Kan dere sjekke?',
      'Vi finner ingen innbetaling med riktig KID. Be gjerne kunden sende kvittering til oss.',
      'Vi gir beskjed til kunden.',
    ],
  },
  {
    agencyFirst: false,
    lines: ['Hva er status på denne saken?', 'Saken følger vanlig løp. Neste brev sendes når fristen i forrige brev har gått ut.'],
  },
  {
    agencyFirst: false,
    lines: [
      'Kunden har ringt og spør om han kan få utsatt betalingen til neste måned.',
      'Vi kan gi utsettelse til den 20. neste måned. Vi tar kontakt med kunden.',
      'Takk!',
    ],
  },
];
