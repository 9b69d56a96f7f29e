import { savingsBusy } from '../domain/errors';

const MAX_TRIES = 20;

/**
 * Optimistic concurrency over one document: load, decide, save guarded on the version read; when
 * someone else saved first, load and decide again (the decision may now refuse, e.g. a withdrawal
 * above what is left). Gives up with SAVINGS.BUSY after many lost races.
 */
export async function retryOnConflict<T>(attempt: () => Promise<{ saved: boolean; value: T }>): Promise<T> {
  for (let i = 0; i < MAX_TRIES; i++) {
    const { saved, value } = await attempt();
    if (saved) return value;
  }
  throw savingsBusy();
}
