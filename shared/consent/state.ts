import type { Millis } from '../core/time';
import {
  CONSENT_CHANNELS,
  type ConsentChannel,
  type ConsentDecision,
  type ConsentEntry,
  type ConsentEntryDraft,
  type ConsentMethod,
  type ConsentPurpose,
} from './ledger';

export interface ChannelConsent {
  granted: boolean;
  /** when the current choice was made; null: never asked (not granted) */
  at: Millis | null;
  how: ConsentMethod | null;
}

/** A homeowner's consent as the ledger says it is now. */
export interface ConsentState {
  marketing: Record<ConsentChannel, ChannelConsent>;
  /** 勿扰: no marketing on any channel while on, whatever the channels say */
  doNotDisturb: { on: boolean; at: Millis | null };
  /** the number of entries the state was derived from */
  entries: number;
}

export function noConsent(): ConsentState {
  const never: ChannelConsent = { granted: false, at: null, how: null };
  return { marketing: { subscription: never, sms: never, phone: never }, doNotDisturb: { on: false, at: null }, entries: 0 };
}

/**
 * The current state, derived from the ledger: entries apply in `seq` order, the later choice on a
 * channel replacing the earlier. Nothing is granted that no entry granted (never pre-ticked); entries
 * after `asOf` (when given) do not count yet. Service entries never change marketing, and the other way round.
 */
export function consentState(entries: readonly ConsentEntry[], asOf?: Millis): ConsentState {
  const ordered = [...entries].filter((e) => asOf === undefined || e.at <= asOf).sort((a, b) => a.seq - b.seq);
  return ordered.reduce<ConsentState>((state, e) => {
    const counted = { ...state, entries: state.entries + 1 };
    if (e.subject === 'doNotDisturb') return { ...counted, doNotDisturb: { on: e.on, at: e.at } };
    if (e.purpose !== 'marketing') return counted;
    return { ...counted, marketing: { ...state.marketing, [e.channel]: { granted: e.decision === 'granted', at: e.at, how: e.how } } };
  }, noConsent());
}

/** Marketing on this channel only with its explicit grant standing, and never while 勿扰 is on. */
export function marketingAllowedBy(state: ConsentState, channel: ConsentChannel): boolean {
  return !state.doNotDisturb.on && state.marketing[channel].granted;
}

/**
 * Whether a message for this purpose may go on this channel. Service (stage surveys, warranty, repairs,
 * complaints) is what the contract provides for: refusing marketing never takes it away (PIPL art. 16).
 */
export function contactAllowedBy(state: ConsentState, purpose: ConsentPurpose, channel: ConsentChannel): boolean {
  return purpose === 'service' ? true : marketingAllowedBy(state, channel);
}

/** The channels marketing may use now. */
export function marketingChannels(state: ConsentState): ConsentChannel[] {
  return CONSENT_CHANNELS.filter((c) => marketingAllowedBy(state, c));
}

/** A change a homeowner (or customer service for them) asks for. */
export type ConsentRequest =
  | { subject: 'consent'; channel: ConsentChannel; decision: ConsentDecision }
  | { subject: 'doNotDisturb'; on: boolean };

/**
 * The entry a request appends, or null when it would change nothing (granting what is granted,
 * turning on 勿扰 that is on): the ledger records choices, not repeated taps. A first refusal on a
 * channel never asked about is recorded.
 */
export function consentChange(
  state: ConsentState,
  request: ConsentRequest,
  context: { homeownerId: string; at: Millis; how: ConsentMethod; recordedBy: { id: string; name: string } | null; noticeVersion: string },
): ConsentEntryDraft | null {
  if (request.subject === 'doNotDisturb') {
    if (state.doNotDisturb.on === request.on) return null;
    return { ...context, subject: 'doNotDisturb', on: request.on };
  }
  const current = state.marketing[request.channel];
  // a first refusal is recorded too: it is what stops customer service from asking again
  if (current.at !== null && current.granted === (request.decision === 'granted')) return null;
  return { ...context, subject: 'consent', purpose: 'marketing', channel: request.channel, decision: request.decision };
}
