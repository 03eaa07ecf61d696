// What an agent must check in a draft before sending it, worded once for every surface that shows
// drafts: the console, the Chatwoot private note and the Chatwoot dashboard app. Pure: the console's
// browser bundle imports it too.

/**
 * Below this a draft is near chance, the nearest past reply of a poorly matched case: a Portuguese double
 * charge got a router restart at 3%. It is still offered (the eval sets show such replies often share
 * the right words), but the agent is told it may not fit.
 */
export const WEAK_MATCH_CONFIDENCE = 0.1

/** The checks a draft needs, as sentences without a full stop ("claims an action was taken (refunded): …"). */
export function draftWarnings(d: { confidence: number; claims: readonly string[]; repeats: readonly string[] }): string[] {
  return [
    ...(d.confidence < WEAK_MATCH_CONFIDENCE ? ['a weak match: it may answer a different problem, so read it against the customer\'s message'] : []),
    ...(d.claims.some((c) => c !== 'outage') ? [`claims an action was taken (${d.claims.filter((c) => c !== 'outage').join(', ')}): check it really was before sending`] : []),
    // A state, not an action: told of another day's outage, the customer's own area may have none.
    ...(d.claims.includes('outage') ? ['says there is an outage in the customer\'s area: check there is one today before sending'] : []),
    ...(d.repeats.length > 0 ? [`tells the customer to ${d.repeats.join(', ')}, which they say they already did`] : []),
  ]
}
