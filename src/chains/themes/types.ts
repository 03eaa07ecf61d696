// Shapes shared by the theme service, its describers, the store and the report renderers.
import type { Trend, TrendEvidence } from './track.ts'

/**
 * A theme's customers (conversations) per the sentiment label of their first message in it (counts.ts):
 * `uncertain` when the classifier could not back a label, `unknown` when none was stored.
 */
export interface SentimentMix {
  negative: number
  neutral: number
  positive: number
  uncertain: number
  unknown: number
}

export interface NamedCount {
  name: string
  count: number
}

/** A representative customer message; personal data in `text` is masked before it is stored. */
export interface ThemeQuote {
  messageId: string
  conversationId: string
  channel: string
  sentAt: string
  text: string
}

/** What a describer gets: the local description plus the evidence an LLM may word better. */
export interface DescribeInput {
  workspaceId: string
  keyphrases: string[]
  quotes: string[]
  volume: number
  localLabel: string
  localDescription: string
}

export interface ThemeDescription {
  label: string
  description: string
  /** `local` or `<prompt version>/<model>`. */
  version: string
  degraded: boolean
  degradedReason?: string
}

export interface ThemeDescriber {
  readonly mode: 'local' | 'llm'
  describe(input: DescribeInput, opts?: { signal?: AbortSignal }): Promise<ThemeDescription>
}

export const LOCAL_THEME_VERSION = 'themes-local@1'

export const localThemeDescriber: ThemeDescriber = {
  mode: 'local',
  async describe(input) {
    return { label: input.localLabel, description: input.localDescription, version: LOCAL_THEME_VERSION, degraded: false }
  },
}

export interface ThemeHistoryPoint {
  week: string
  volume: number
  share: number
}

export interface ReportTheme {
  id: string
  label: string
  /** The label the last run generated; `label` differs when a person renamed the theme. */
  generatedLabel: string
  renamed: boolean
  description: string
  volume: number
  conversations: number
  share: number
  previousVolume: number
  changePct: number | null
  trend: Trend
  spike: boolean
  /** The numbers the trend was computed from (baseline weeks, the test and its p-value). */
  trendEvidence: Pick<TrendEvidence, 'baselineVolume' | 'baselineShare' | 'baselineWeeks' | 'test'>
  sentiment: SentimentMix
  intents: NamedCount[]
  channels: NamedCount[]
  keyphrases: string[]
  quotes: Array<ThemeQuote & { url: string }>
  history: ThemeHistoryPoint[]
  /** Of the computed weeks shown in `history`, how many had messages of the theme: a standing topic is there every week. */
  presence: { weeks: number; of: number; everyWeek: boolean }
  /** Theme ids merged into this one by a person. */
  mergedFrom: string[]
  degraded: boolean
}

export interface ThemeReport {
  week: string
  from: string
  to: string
  generatedAt: string
  computedAt: string | null
  mode: string
  degraded: boolean
  totals: { messages: number; clustered: number; unclustered: number; themes: number }
  /** The week as a whole: a surge often shows as several new themes at once. */
  volume: { messages: number; usual: number | null; spike: boolean; inNewThemes: number }
  weeks: string[]
  highlights: { new: string[]; rising: string[]; falling: string[]; spikes: string[] }
  themes: ReportTheme[]
}
