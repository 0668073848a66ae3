import * as z from 'zod/mini';
import { envelopeShape } from './common';

/** The record kinds a journal holds; `journal` is the pair's shared facts, one per journal. */
export const KIND_NAMES = [
  'journal',
  'goal',
  'progressEntry',
  'milestone',
  'meeting',
  'agendaItem',
  'actionItem',
  'note',
  'story',
  'reflection',
  'contact',
  'opportunity',
  'checkIn',
  'duty',
  'agreementChange',
  'theme',
] as const;
export type KindName = (typeof KIND_NAMES)[number];

type Shape = Record<string, z.ZodMiniType>;

/** What the database and the sync layer need to know of one record kind. */
export interface KindDefinition<K extends KindName = KindName, S extends Shape = Shape> {
  kind: K;
  /** The Dexie table that holds it. */
  table: string;
  /** Content fields: every one optional, so a half-written draft is valid. */
  content: S;
  /** The whole record; unknown fields (from a newer version) are kept, not stripped. */
  schema: z.ZodMiniType<RecordOf<K, S>>;
  /** Long text fields: where two people's concurrent edits are kept as a conflict, not dropped. */
  longText: readonly (keyof S & string)[];
  /** Human name for messages: "goal", "action item". */
  label: string;
}

type Envelope = z.infer<z.ZodMiniObject<typeof envelopeShape>>;
type ContentOf<S extends Shape> = { [F in keyof S]?: z.infer<S[F]> };
export type RecordOf<K extends KindName, S extends Shape> = Envelope & { kind: K } & ContentOf<S>;

/** Declares a record kind: its table, its optional content fields and its long text fields. */
export function defineKind<K extends KindName, S extends Shape>(
  kind: K,
  options: { table: string; label: string; content: S; longText?: readonly (keyof S & string)[] },
): KindDefinition<K, S> {
  const optional = Object.fromEntries(
    Object.entries(options.content).map(([name, schema]) => [name, z.optional(schema)]),
  );
  const schema = z.looseObject({ ...envelopeShape, kind: z.literal(kind), ...optional });
  return {
    kind,
    table: options.table,
    label: options.label,
    content: options.content,
    schema: schema as unknown as z.ZodMiniType<RecordOf<K, S>>,
    longText: options.longText ?? [],
  };
}
