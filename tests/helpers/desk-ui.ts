import type { Page } from 'playwright-core';
import type { Executor } from '@/db/client';
import { nextCode, submitPassword } from './browser';

export type Locale = 'nb' | 'en';

/** The desk's and the task flow's labels in both languages ("Svare på oppgaver", ui-contract.md). */
export const DESK = {
  nb: {
    insights: 'Innsikt',
    goToCase: /^Gå til sak/,
    answer: 'Ditt svar',
    reply: 'Svar',
    answered: 'Svaret er sendt til saksbehandler.',
    search: 'Søk på saksnummer eller fakturanummer',
    searchButton: 'Søk',
    taskTitle: 'Tittel',
    taskBody: 'Beskrivelse',
    createTask: 'Opprett oppgave',
    created: 'Oppgaven er opprettet.',
    history: 'Historikk',
    message: 'Melding til saksbehandler',
    agencyMessage: 'Melding til kunden',
    send: 'Send melding',
    sent: 'Meldingen er sendt.',
    taskCreatedEvent: (title: string) => `Ny oppgave: ${title}`,
    taskAnsweredEvent: (title: string) => `Oppgave besvart: ${title}`,
    messageFromAgency: 'Melding fra saksbehandler',
    readOnly: 'Bare brukere med Skrive- eller Administrator-tilgang kan svare på oppgaver.',
    settings: 'Innstillinger',
    notifications: 'Varslinger',
    tasksBox: 'Oppgaver',
    messagesBox: 'Meldinger',
    saved: 'Varslingene er lagret.',
    filter: 'Filtrer',
    applyFilter: 'Bruk filter',
  },
  en: {
    insights: 'Insights',
    goToCase: /^Go to case/,
    answer: 'Your reply',
    reply: 'Reply',
    answered: 'Your reply has been sent to the case handler.',
    search: 'Search by case or invoice number',
    searchButton: 'Search',
    taskTitle: 'Title',
    taskBody: 'Description',
    createTask: 'Create task',
    created: 'The task has been created.',
    history: 'History',
    message: 'Message to the case handler',
    agencyMessage: 'Message to the customer',
    send: 'Send message',
    sent: 'The message has been sent.',
    taskCreatedEvent: (title: string) => `New task: ${title}`,
    taskAnsweredEvent: (title: string) => `Task answered: ${title}`,
    messageFromAgency: 'Message from the case handler',
    readOnly: 'Only users with Write or Administrator access can reply to tasks.',
    settings: 'Settings',
    notifications: 'Notifications',
    tasksBox: 'Tasks',
    messagesBox: 'Messages',
    saved: 'Your notifications have been saved.',
    filter: 'Filter',
    applyFilter: 'Apply filter',
  },
} as const;

/** A case handler signs in as anyone does and lands on the desk. */
export async function signInStaff(page: Page, db: Executor, user: { email: string; password: string; totpSecret: string }, locale: Locale) {
  await submitPassword(page, locale, user.email, user.password);
  await page.waitForURL(`**/${locale}/login/verify`);
  await page.getByLabel(locale === 'nb' ? 'Engangskode' : 'One-time code').fill(await nextCode(db, user.email, user.totpSecret));
  await page.getByRole('button', { name: locale === 'nb' ? 'Bekreft' : 'Verify' }).click();
  await page.waitForURL(`**/${locale}/desk`);
}

/** On the desk: search the case by number and open it. */
export async function openDeskCase(page: Page, locale: Locale, caseNumber: number) {
  const l = DESK[locale];
  await page.goto(`/${locale}/desk`);
  await page.getByLabel(l.search).fill(String(caseNumber));
  await page.getByRole('button', { name: l.searchButton, exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get('q') === String(caseNumber));
  await page.getByRole('link', { name: String(caseNumber), exact: true }).click();
  await page.waitForURL(`**/${locale}/desk/cases/*`);
}

/** Desk → a case → Ny oppgave. */
export async function createTaskOnDesk(page: Page, locale: Locale, title: string, body: string) {
  const l = DESK[locale];
  await page.getByLabel(l.taskTitle, { exact: true }).fill(title);
  await page.getByLabel(l.taskBody, { exact: true }).fill(body);
  await page.getByRole('button', { name: l.createTask }).click();
  // The new task appears in the desk's list, and the form says so.
  await page.getByRole('heading', { level: 3, name: title, exact: true }).waitFor();
  await page.getByRole('status').filter({ hasText: l.created }).waitFor();
}
