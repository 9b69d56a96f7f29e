import type { ReactNode } from 'react';

/** A one-off message after an action ("Keranjang sudah diperbarui."), announced politely. */
export function Notice({
  tone = 'success',
  children,
}: {
  tone?: 'success' | 'error' | 'info';
  children: ReactNode;
}) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
