/** The pending second step of a sign-in; kept for this tab only. */
type PendingChallenge = { challenge: string; next: string | null };

const storageKey = 'tend.mfa-challenge';

export function savePendingChallenge(pending: PendingChallenge): void {
  sessionStorage.setItem(storageKey, JSON.stringify(pending));
}

export function readPendingChallenge(): PendingChallenge | null {
  const raw = sessionStorage.getItem(storageKey);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<PendingChallenge>;
    return typeof parsed.challenge === 'string' ? { challenge: parsed.challenge, next: parsed.next ?? null } : null;
  } catch {
    return null;
  }
}

export function clearPendingChallenge(): void {
  sessionStorage.removeItem(storageKey);
}
