import { ConfigError, isLoopbackUrl, loadConfig, loadPackagingConfig } from '../../app/config';

describe('configuration from the environment', () => {
  it('starts in local mode on 127.0.0.1:3978 with ./data when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3978,
      HOST: '127.0.0.1',
      DATA_DIR: './data',
      localMode: true,
      SUPPRESSION_THRESHOLD: 5,
    });
  });

  it.each([
    [{ PORT: 'abc' }, /^Invalid PORT \(got "abc"\)/],
    [{ PORT: '70000' }, /^Invalid PORT/],
    [{ HOST: '0.0.0.0' }, /^Invalid HOST \(got "0.0.0.0"\): must be a loopback address/],
    [{ LOG_LEVEL: 'loud' }, /^Invalid LOG_LEVEL/],
    [{ MONGODB_URI: 'postgres://x' }, /^Invalid MONGODB_URI: must start with mongodb/],
    [{ MICROSOFT_APP_ID: 'app', MICROSOFT_APP_PASSWORD: 'pw' }, /^Invalid PSEUDONYM_SECRET: is required/],
    [{ PSEUDONYM_SECRET: 'short' }, /^Invalid PSEUDONYM_SECRET: must be at least 32/],
    [{ SUPPRESSION_THRESHOLD: '1' }, /^Invalid SUPPRESSION_THRESHOLD/],
  ])('refuses %j with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('never echoes a secret value in the error', () => {
    expect(() => loadConfig({ PSEUDONYM_SECRET: 'tooshort-secret' })).toThrow(/^Invalid PSEUDONYM_SECRET: /);
    try {
      loadConfig({ PSEUDONYM_SECRET: 'tooshort-secret' });
    } catch (error) {
      expect((error as Error).message).not.toContain('tooshort-secret');
    }
  });

  it('allows any host once an app id makes requests authenticated', () => {
    const config = loadConfig({
      HOST: '0.0.0.0',
      MICROSOFT_APP_ID: 'app',
      MICROSOFT_APP_PASSWORD: 'pw',
      PSEUDONYM_SECRET: 'x'.repeat(32),
    });
    expect(config.localMode).toBe(false);
  });

  it.each([
    ['http://127.0.0.1:9/', true],
    ['http://localhost:3978', true],
    ['http://[::1]:80/', true],
    ['https://smba.trafficmanager.net/uk/', false],
    ['http://127.0.0.1.evil.example/', false],
    ['not a url', false],
    [undefined, false],
  ])('treats %s as loopback: %s', (url, expected) => {
    expect(isLoopbackUrl(url)).toBe(expected);
  });

  it('reads only what the Teams package needs, so it builds without the app password or a loopback host', () => {
    const env = { MICROSOFT_APP_ID: 'app', PUBLIC_URL: ' https://bot.example.org ', HOST: '0.0.0.0' };
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(loadPackagingConfig(env)).toEqual({ MICROSOFT_APP_ID: 'app', PUBLIC_URL: 'https://bot.example.org' });
    expect(() => loadPackagingConfig({ PUBLIC_URL: 'bot.example.org' })).toThrow(/^Invalid PUBLIC_URL/);
  });
});
