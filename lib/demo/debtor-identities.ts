import type { CasePlan } from '@/lib/demo/context';
import { toSearchText } from '@/lib/search-text';

/**
 * The demo's BankID test identities (the local identity provider signs them in, lib/cli/demo-idp.ts), and the
 * demo cases that are theirs: a person by fødselsnummer, and a person who may act for a company (signatory).
 */
export const DEMO_DEBTOR_PERSON = { nationalId: '15108695088', name: 'Kari Nordmann', signatoryFor: [] as string[] };
export const DEMO_SIGNATORY_COMPANY = { organisationNumber: '914752817', name: 'Fjordlys Bygg AS' };
export const DEMO_DEBTOR_SIGNATORY = {
  nationalId: '01037510064',
  name: 'Ola Berg',
  signatoryFor: [DEMO_SIGNATORY_COMPANY.organisationNumber],
};
export const DEMO_DEBTOR_IDENTITIES = [DEMO_DEBTOR_PERSON, DEMO_DEBTOR_SIGNATORY];

// Cases old enough to have letters, on which the debtor does nothing (they stay open for the demo).
const OLDEST_DAYS = 150;
const YOUNGEST_DAYS = 45;

function candidates(plans: CasePlan[], today: number, kind: 'person' | 'company') {
  return plans.filter(
    (plan) =>
      plan.debtor.kind === kind &&
      plan.actions.length === 0 &&
      plan.registeredDay >= today - OLDEST_DAYS &&
      plan.registeredDay <= today - YOUNGEST_DAYS,
  );
}

/**
 * Makes the test identities the debtors of a few planned cases: Kari Nordmann in two creditors' cases (one debtor
 * row per company, the same fødselsnummer), Fjordlys Bygg AS in one. Deterministic: the first fitting plans.
 */
export function assignDemoIdentities(plans: CasePlan[], today: number) {
  const people = candidates(plans, today, 'person');
  const companiesTaken = new Set<string>();
  for (const plan of people) {
    if (companiesTaken.has(plan.company.id) || companiesTaken.size === 2) continue;
    companiesTaken.add(plan.company.id);
    Object.assign(plan.debtor, {
      nationalId: DEMO_DEBTOR_PERSON.nationalId,
      name: DEMO_DEBTOR_PERSON.name,
      searchName: toSearchText(DEMO_DEBTOR_PERSON.name),
      // Her own address, not the one the replaced name came with.
      email: plan.debtor.email === null ? null : 'kari.nordmann@example.com',
    });
  }
  const company = candidates(plans, today, 'company')[0];
  if (company) {
    Object.assign(company.debtor, {
      organisationNumber: DEMO_SIGNATORY_COMPANY.organisationNumber,
      name: DEMO_SIGNATORY_COMPANY.name,
      searchName: toSearchText(DEMO_SIGNATORY_COMPANY.name),
      email: company.debtor.email === null ? null : 'post@fjordlysbygg.example.com',
    });
  }
}
