import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig, ServiceConfig } from '#libs/config';

describe(loadConfig.name, () => {
  it('takes defaults and converts numeric settings from the environment', () => {
    const sut = loadConfig(ServiceConfig, { NATS_REQUEST_TIMEOUT_MS: '2500', NATS_PREFIX: 'yc' });
    expect(sut.NATS_REQUEST_TIMEOUT_MS).toBe(2500);
    expect(sut.NATS_PREFIX).toBe('yc');
    expect(sut.NATS_URL).toBe('nats://127.0.0.1:4222');
  });

  it('names every wrong setting at once', () => {
    const attempt = () => loadConfig(ServiceConfig, { DATABASE_URL: 'mysql://x', NATS_REQUEST_TIMEOUT_MS: 'soon' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toContain('DATABASE_URL');
      expect(problems).toContain('NATS_REQUEST_TIMEOUT_MS');
    }
  });
});
