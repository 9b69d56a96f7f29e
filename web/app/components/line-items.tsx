import { formatRupiah } from '~/utils/money';

/** "2 × Keripik Tempe … Rp 30.000" rows, shared by the checkout summary and the order page. */
export function LineItems({
  lines,
}: {
  lines: { productId: string; quantity: number; name: string; lineTotal: number }[];
}) {
  return (
    <ul className="summary-lines">
      {lines.map((line) => (
        <li key={line.productId}>
          <span>
            {line.quantity} × {line.name}
          </span>
          <span>{formatRupiah(line.lineTotal)}</span>
        </li>
      ))}
    </ul>
  );
}
