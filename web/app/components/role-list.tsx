import type { CooperativeRole } from '@pasar/contracts';
import { useI18n } from '~/utils/use-i18n';

/** "Pengurus (Ketua), Anggota" in the reader's language. */
export function useRoleNames(): (roles: readonly string[], position?: string | null) => string {
  const { t } = useI18n();
  return (roles, position) =>
    roles
      .map((role) => {
        const name = t(`role.${role as CooperativeRole}`);
        return role === 'pengurus' && position
          ? `${name} (${t(`position.${position as 'ketua' | 'sekretaris' | 'bendahara'}`)})`
          : name;
      })
      .join(', ');
}
