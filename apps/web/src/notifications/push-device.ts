import type { PushSubscriptionBody } from '@tend/contracts';
import { ApiError } from '../api/client';
import { notificationsApi } from './notifications.api';

/** Where this device's push subscription stands for the signed-in person. */
export type PushDeviceState = 'unsupported' | 'denied' | 'on' | 'off';

/** Why turning push on did not work, for a message that says what to do. */
export type PushFailure = 'unsupported' | 'denied' | 'dismissed' | 'subscribe-failed';
export class PushDeviceError extends Error {
  constructor(readonly reason: PushFailure) {
    super(`push: ${reason}`);
    this.name = 'PushDeviceError';
  }
}

/** The server's id of this browser's subscription, to delete it later; the endpoint tells a stale entry. */
const storageKey = 'tend.push.subscription';
type Stored = { id: string; endpoint: string };

const supported = (): boolean => 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;

/** Resolves to null after `ms` unless `promise` settles first. */
const within = <T>(promise: Promise<T>, ms: number): Promise<T | null> =>
  Promise.race([promise, new Promise<null>((resolve) => setTimeout(() => resolve(null), ms))]);

/**
 * The worker that receives pushes. It registers after the page loads, so a first visit waits a little for it;
 * `vite dev` has none (it is registered in production builds only).
 */
async function workerRegistration(): Promise<ServiceWorkerRegistration | null> {
  if (!supported()) return null;
  const registered = await navigator.serviceWorker.getRegistration('/').catch(() => undefined);
  return registered ?? within(navigator.serviceWorker.ready, 5_000);
}

/** No worker, no subscription: this one never waits, so signing out is never held up. */
async function currentSubscription(): Promise<PushSubscription | null> {
  if (!supported()) return null;
  const registration = await navigator.serviceWorker.getRegistration('/').catch(() => undefined);
  return registration ? registration.pushManager.getSubscription() : null;
}

export async function pushDeviceState(): Promise<PushDeviceState> {
  if (!(await workerRegistration())) return 'unsupported';
  if (Notification.permission === 'denied') return 'denied';
  return (await currentSubscription()) ? 'on' : 'off';
}

/** The VAPID key as the bytes `PushManager.subscribe` takes in every browser (some refuse the string). */
export function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(base64url.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function subscriptionBody(subscription: PushSubscription): PushSubscriptionBody {
  const { keys } = subscription.toJSON();
  return { endpoint: subscription.endpoint, keys: { p256dh: keys?.p256dh ?? '', auth: keys?.auth ?? '' } };
}

/** Asks the browser's permission, subscribes with the server's key and registers the subscription with the server. */
export async function turnOnPush(): Promise<void> {
  const registration = await workerRegistration();
  if (!registration) throw new PushDeviceError('unsupported');
  const permission = await Notification.requestPermission();
  if (permission === 'denied') throw new PushDeviceError('denied');
  if (permission !== 'granted') throw new PushDeviceError('dismissed');
  const { public_key: publicKey } = await notificationsApi.pushKey();
  let subscription: PushSubscription;
  try {
    const subscribed = await within(registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) }), 20_000);
    if (!subscribed) throw new PushDeviceError('subscribe-failed');
    subscription = subscribed;
  } catch {
    // No push service reachable (offline, a blocked network, a browser without one): nothing was subscribed.
    throw new PushDeviceError('subscribe-failed');
  }
  try {
    const { id } = await notificationsApi.subscribePush(subscriptionBody(subscription));
    localStorage.setItem(storageKey, JSON.stringify({ id, endpoint: subscription.endpoint } satisfies Stored));
  } catch (error) {
    await subscription.unsubscribe().catch(() => false);
    throw error;
  }
}

function storedId(endpoint: string): string | null {
  try {
    const stored = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as Stored | null;
    return stored?.endpoint === endpoint ? stored.id : null;
  } catch {
    return null;
  }
}

/** Tells the server to stop pushing here, then drops the browser's subscription. */
export async function turnOffPush(): Promise<void> {
  const subscription = await currentSubscription();
  if (subscription) {
    // Registering the same endpoint again answers with its id, for a browser that lost the stored one.
    const id = storedId(subscription.endpoint) ?? (await notificationsApi.subscribePush(subscriptionBody(subscription))).id;
    await notificationsApi.unsubscribePush(id).catch((error: unknown) => {
      if (!(error instanceof ApiError && error.code === 'NOTIFICATION.SUBSCRIPTION_NOT_FOUND')) throw error;
    });
    await subscription.unsubscribe();
  }
  localStorage.removeItem(storageKey);
}

/**
 * When a session ends on this device, no more pushes for that person may arrive here. Signing out still has
 * the session, so the server is told too; a session ended elsewhere can only drop the browser's side (the
 * push service then answers 410 and the server forgets the endpoint).
 */
export async function forgetPushOnThisDevice({ tellServer }: { tellServer: boolean }): Promise<void> {
  try {
    if (tellServer) await turnOffPush();
  } catch {
    // Signing out must not wait on, or fail for, the push service.
  }
  try {
    await (await currentSubscription())?.unsubscribe();
  } catch {
    // Nothing to drop.
  }
  localStorage.removeItem(storageKey);
}
