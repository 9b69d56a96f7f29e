/**
 * FerretDB has no text index, so search is a `$regex` over a folded copy of the text:
 * lowercase, accents stripped (NFD + drop combining marks), whitespace collapsed.
 * The same folding is applied to the query, so "KÉRIPIK" finds "Keripik Tempe Bu Sri".
 */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The stored search field of a product: what the public search looks through. */
export function searchTextOf(product: { name: string; description: string }): string {
  return foldText(`${product.name} ${product.description}`);
}

const MAX_TERMS = 8;

/** Distinct folded words of a query; every one must appear (as a substring) for a match. */
export function searchTerms(q: string | undefined): string[] {
  if (!q) return [];
  return [...new Set(foldText(q).split(' ').filter(Boolean))].slice(0, MAX_TERMS);
}

/** A term as a literal regex (users type dots, brackets and plus signs: "5,5 kg", "(isi 40)"). */
export function escapeRegex(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
