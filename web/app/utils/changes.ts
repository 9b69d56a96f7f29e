import { formatRupiah } from './money';

/** A changed value as people read it (history, review diff): rupiah for prices, "—" for nothing. */
export function changeValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'price' && typeof value === 'number' && Number.isSafeInteger(value))
    return formatRupiah(value);
  if (Array.isArray(value)) return String(value.length);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
