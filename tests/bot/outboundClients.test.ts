import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { AuthenticationConstants, ClaimsIdentity } from 'botframework-connector';
import { reuseOutboundClients } from '../../bot/outboundClients';

describe('outbound Bot Framework clients', () => {
  const identity = new ClaimsIdentity([], true);

  it('builds one connector client per service URL and reuses it on later turns', async () => {
    const authentication = reuseOutboundClients(new ConfigurationBotFrameworkAuthentication({}));
    const factory = authentication.createConnectorFactory(identity);
    const first = await factory.create('https://smba.trafficmanager.net/uk/');
    const again = await authentication.createConnectorFactory(identity).create('https://smba.trafficmanager.net/uk/');
    const elsewhere = await factory.create('https://webchat.botframework.com/');
    expect(again).toBe(first);
    expect(elsewhere).not.toBe(first);
    expect(first.conversations).toBeDefined();
    // Another bot identity (audience) never shares a client.
    const otherBot = new ClaimsIdentity([{ type: AuthenticationConstants.AudienceClaim, value: 'other-app-id' }], true);
    expect(
      await authentication.createConnectorFactory(otherBot).create('https://smba.trafficmanager.net/uk/'),
    ).not.toBe(first);
    expect(await authentication.createUserTokenClient(identity)).toBe(
      await authentication.createUserTokenClient(identity),
    );
  });

  it('tries again after a client could not be built, instead of keeping the failure', async () => {
    const authentication = new ConfigurationBotFrameworkAuthentication({});
    const real = authentication.createConnectorFactory.bind(authentication);
    let failures = 1;
    authentication.createConnectorFactory = (claims) => {
      const factory = real(claims);
      const create = factory.create.bind(factory);
      factory.create = (url, audience) =>
        failures-- > 0 ? Promise.reject(new Error('token service unreachable')) : create(url, audience);
      return factory;
    };
    const reusing = reuseOutboundClients(authentication);
    await expect(reusing.createConnectorFactory(identity).create('https://example.test/')).rejects.toThrow(
      /unreachable/,
    );
    await expect(reusing.createConnectorFactory(identity).create('https://example.test/')).resolves.toBeDefined();
  });
});
