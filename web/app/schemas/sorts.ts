/** Product orderings the catalog offers; kept apart from the zod schema so the browser bundle stays small. */
export const SORTS = ['newest', 'price_asc', 'price_desc', 'name'] as const;
export type Sort = (typeof SORTS)[number];
