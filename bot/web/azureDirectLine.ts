/**
 * When DIRECTLINE_SECRET is set, the page talks to Azure's Direct Line: the server swaps the secret for a short token.
 */
import { z } from 'zod';

export const AZURE_DIRECT_LINE = 'https://directline.botframework.com/v3/directline';

const TokenResponse = z.object({
  conversationId: z.string().min(1),
  token: z.string().min(1),
  expires_in: z.number().int().positive(),
});
export type AzureToken = z.infer<typeof TokenResponse>;

/** Azure refused the secret or answered something we cannot use. */
export class DirectLineTokenError extends Error {
  override readonly name = 'DirectLineTokenError';
}

/**
 * Asks Azure's Direct Line for a token bound to one user, so the secret never reaches the browser.
 * @example const token = await fetchAzureToken(secret, 'u_abc123def456', fetch);
 */
export async function fetchAzureToken(
  secret: string,
  userId: string,
  fetchFn: typeof fetch,
  base = AZURE_DIRECT_LINE,
): Promise<AzureToken> {
  const response = await fetchFn(`${base}/tokens/generate`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ user: { id: userId } }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new DirectLineTokenError(`Azure Direct Line refused the token request (${response.status}).`);
  const parsed = TokenResponse.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw new DirectLineTokenError('Azure Direct Line answered without a usable token.');
  return parsed.data;
}
