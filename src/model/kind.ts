import * as z from 'zod/mini';
import { envelopeShape } from './common';
import type { KindName } from './registry';

export { KIND_NAMES, type KindName } from './registry';

type Shape = Record<string, z.ZodMiniType>;

/** What the database and the sync layer need to know of one record kind. */
export interface KindDefinition<K extends KindName = KindName, S extends Shape = Shape> {
  kind: K;
  /** Content fields: every one optional, so a half-written draft is valid. */
  content: S;
  /** The whole record; unknown fields (from a newer version) are kept, not stripped. */
  schema: z.ZodMiniType<RecordOf<K, S>>;
  /** Long text fields: where two people's concurrent edits are kept as a conflict, not dropped. */
  longText: readonly (keyof S & string)[];
}

type Envelope = z.infer<z.ZodMiniObject<typeof envelopeShape>>;
type ContentOf<S extends Shape> = { [F in keyof S]?: z.infer<S[F]> };
export type RecordOf<K extends KindName, S extends Shape> = Envelope & { kind: K } & ContentOf<S>;

/**
 * Declares a record kind's fields: its optional content fields and its long text fields. Its table,
 * words and visibility rules are its entry in the registry (src/model/registry.ts).
 */
export function defineKind<K extends KindName, S extends Shape>(
  kind: K,
  options: { content: S; longText?: readonly (keyof S & string)[] },
): KindDefinition<K, S> {
  const optional = Object.fromEntries(
    Object.entries(options.content).map(([name, schema]) => [name, z.optional(schema)]),
  );
  const schema = z.looseObject({ ...envelopeShape, kind: z.literal(kind), ...optional });
  return {
    kind,
    content: options.content,
    schema: schema as unknown as z.ZodMiniType<RecordOf<K, S>>,
    longText: options.longText ?? [],
  };
}
