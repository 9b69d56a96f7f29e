import { randomBytes } from 'node:crypto';
import { loadConfig } from '@pasar/service-kit';
import { describe, expect, it } from 'vitest';
import { NikEncryptionConfigSchema } from './nik-keys.config';

const k = () => randomBytes(32).toString('base64');

describe('NIK encryption config', () => {
  it('builds the keyring from NIK_ENCRYPTION_KEYS and NIK_ENCRYPTION_KEY_ID', () => {
    const { nikKeyring } = loadConfig(NikEncryptionConfigSchema, {
      NIK_ENCRYPTION_KEYS: JSON.stringify({ k1: k(), k2: k() }),
      NIK_ENCRYPTION_KEY_ID: 'k2',
    });
    expect(nikKeyring.currentKid).toBe('k2');
    expect([...nikKeyring.keys.keys()]).toEqual(['k1', 'k2']);
  });

  it('fails naming the missing or invalid variable', () => {
    expect(() => loadConfig(NikEncryptionConfigSchema, { NIK_ENCRYPTION_KEY_ID: 'k1' })).toThrow(
      /NIK_ENCRYPTION_KEYS is required/,
    );
    expect(() =>
      loadConfig(NikEncryptionConfigSchema, { NIK_ENCRYPTION_KEYS: JSON.stringify({ k1: k() }) }),
    ).toThrow(/NIK_ENCRYPTION_KEY_ID is required/);
    expect(() =>
      loadConfig(NikEncryptionConfigSchema, {
        NIK_ENCRYPTION_KEYS: JSON.stringify({ k1: randomBytes(16).toString('base64') }),
        NIK_ENCRYPTION_KEY_ID: 'k1',
      }),
    ).toThrow(/NIK_ENCRYPTION_KEYS: must be JSON/);
    expect(() =>
      loadConfig(NikEncryptionConfigSchema, { NIK_ENCRYPTION_KEYS: 'not json', NIK_ENCRYPTION_KEY_ID: 'k1' }),
    ).toThrow(/NIK_ENCRYPTION_KEYS/);
    expect(() =>
      loadConfig(NikEncryptionConfigSchema, {
        NIK_ENCRYPTION_KEYS: JSON.stringify({ k1: k() }),
        NIK_ENCRYPTION_KEY_ID: 'k2',
      }),
    ).toThrow(/NIK_ENCRYPTION_KEY_ID: must name one of the keys/);
  });
});
