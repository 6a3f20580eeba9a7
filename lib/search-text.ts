/**
 * The form of a name that debtor search compares: lower case, æ → ae, ø → o, other accents dropped (å → a,
 * é → e, ü → u), runs of whitespace collapsed. So "bjornstad" and "Bjørnstad" meet as "bjornstad", "ase" finds
 * "Åse", "laerum" finds "Lærum". debtors.search_name is stored in this form, and queries are normalised with it.
 */
export function toSearchText(text: string): string {
  return text.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'o').normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim();
}
