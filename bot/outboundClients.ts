/**
 * Outbound Bot Framework clients built once and reused, not built again on every turn: CloudAdapter asks for a new
 * ConnectorClient and a new UserTokenClient per activity, each an Azure HTTP pipeline of a dozen policies (about a
 * tenth of a survey turn's CPU in the bench profile), although an expectReplies turn never uses them. A client
 * holds only its credentials, which fetch and refresh their own tokens, so one per app id, service URL and audience
 * serves every turn, as botbuilder's own BotFrameworkAdapter did with its credentials.
 */
import {
  AuthenticationConstants,
  ConnectorFactory,
  JwtTokenValidation,
  type BotFrameworkAuthentication,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
import { setNewest } from '../lib/newestFirstMap';

/** Enough for every channel's service URL; the oldest goes first if a caller keeps inventing new ones. */
const MAX_CLIENTS = 256;

/** A small map that forgets its oldest entry when full and forgets a failed creation, so it is retried. */
function memo<T>(): (key: string, create: () => Promise<T>) => Promise<T> {
  const entries = new Map<string, Promise<T>>();
  return (key, create) => {
    const known = entries.get(key);
    if (known) return known;
    const made = create();
    setNewest(entries, key, made, MAX_CLIENTS);
    made.catch(() => entries.delete(key));
    return made;
  };
}

/**
 * What a client depends on in the caller's identity: the bot it acts as (the audience, which botbuilder uses as the
 * app id) and the caller (a skill's parent is its OAuth scope). Anonymous local turns all share one key.
 */
const identityKey = (identity: ClaimsIdentity | undefined): string =>
  identity
    ? `${identity.getClaimValue(AuthenticationConstants.AudienceClaim) ?? ''} ` +
      `${JwtTokenValidation.getAppIdFromClaims(identity.claims) ?? ''}`
    : '';

class ReusingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly identity: string,
    private readonly cached: (key: string, create: () => Promise<ConnectorClient>) => Promise<ConnectorClient>,
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return this.cached(`${this.identity}\n${serviceUrl}\n${audience ?? ''}`, () =>
      this.inner.create(serviceUrl, audience),
    );
  }
}

/**
 * Makes `authentication` hand out reused connector and user-token clients; returns the same object.
 * @example new CloudAdapter(reuseOutboundClients(new ConfigurationBotFrameworkAuthentication(settings)))
 */
export function reuseOutboundClients<A extends BotFrameworkAuthentication>(authentication: A): A {
  const connectors = memo<ConnectorClient>();
  const tokenClients = memo<UserTokenClient>();
  const reusing = (factory: ConnectorFactory, identity: ClaimsIdentity | undefined) =>
    new ReusingConnectorFactory(factory, identityKey(identity), connectors);

  const authenticateRequest = authentication.authenticateRequest.bind(authentication);
  authentication.authenticateRequest = async (...args) => {
    const result = await authenticateRequest(...args);
    return result.connectorFactory
      ? { ...result, connectorFactory: reusing(result.connectorFactory, result.claimsIdentity) }
      : result;
  };
  const createConnectorFactory = authentication.createConnectorFactory.bind(authentication);
  authentication.createConnectorFactory = (identity) => reusing(createConnectorFactory(identity), identity);
  const createUserTokenClient = authentication.createUserTokenClient.bind(authentication);
  authentication.createUserTokenClient = (identity) =>
    tokenClients(identityKey(identity), () => createUserTokenClient(identity));
  return authentication;
}
