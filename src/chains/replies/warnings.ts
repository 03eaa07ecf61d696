// What an agent must check in a draft before sending it, worded once for every surface that shows
// drafts: the console, the Chatwoot private note and the Chatwoot dashboard app. Pure: the console's
// browser bundle imports it too.

/** The checks a draft needs, as sentences without a full stop ("claims an action was taken (refunded): …"). */
export function draftWarnings(d: { claims: readonly string[]; repeats: readonly string[] }): string[] {
  return [
    ...(d.claims.length > 0 ? [`claims an action was taken (${d.claims.join(', ')}): check it really was before sending`] : []),
    ...(d.repeats.length > 0 ? [`tells the customer to ${d.repeats.join(', ')}, which they say they already did`] : []),
  ]
}
