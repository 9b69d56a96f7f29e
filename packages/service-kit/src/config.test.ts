import { describe, expect, it } from 'vitest';
import { BaseConfigSchema, ConfigError, loadConfig } from './config';

const env = { PORT: '4001', MONGO_URL: 'mongodb://127.0.0.1:27017/x', KAFKA_BROKERS: '127.0.0.1:9092' };

describe('BaseConfigSchema', () => {
  it('leaves the driver command monitoring off unless asked (it costs CPU per command)', () => {
    expect(loadConfig(BaseConfigSchema, env).MONGO_COMMAND_METRICS).toBe('off');
    expect(loadConfig(BaseConfigSchema, { ...env, MONGO_COMMAND_METRICS: 'on' }).MONGO_COMMAND_METRICS).toBe(
      'on',
    );
  });

  it('names the variable and the reason for a value it does not know', () => {
    let error: unknown;
    try {
      loadConfig(BaseConfigSchema, { ...env, MONGO_COMMAND_METRICS: 'yes' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      expect.stringMatching(/^MONGO_COMMAND_METRICS: .*on.*off/),
    ]);
  });

  it('fetches again at once after a batch unless a linger is set, and refuses a negative one by name', () => {
    expect(loadConfig(BaseConfigSchema, env).KAFKA_FETCH_LINGER_MS).toBe(0);
    expect(loadConfig(BaseConfigSchema, { ...env, KAFKA_FETCH_LINGER_MS: '20' }).KAFKA_FETCH_LINGER_MS).toBe(
      20,
    );
    expect(() => loadConfig(BaseConfigSchema, { ...env, KAFKA_FETCH_LINGER_MS: '-1' })).toThrow(
      /KAFKA_FETCH_LINGER_MS/,
    );
  });
});
