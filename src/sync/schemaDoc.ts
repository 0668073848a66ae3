/**
 * The JSON Schema of Mentoring Journal files, generated from the zod schemas the app checks files
 * with (docs/pair-file.schema.json; a test keeps the committed copy up to date).
 */
import * as z from 'zod/mini';
import { KIND_NAMES } from '../model/kind';
import { KINDS } from '../model/kinds';
import {
  cohortSchema,
  encryptedFileSchema,
  FORMAT_VERSION,
  membershipSchema,
  plainFileSchema,
  withdrawalSchema,
} from './envelope';

/** The file schema with each record kind spelled out (the app checks records one by one instead). */
export function fileJsonSchema(): unknown {
  const [first, second, ...rest] = KIND_NAMES.map((kind) => KINDS[kind].schema);
  const record = z.union([first!, second!, ...rest]);
  const plain = z.extend(plainFileSchema, {
    payload: z.looseObject({
      records: z.array(record),
      withdrawn: z.optional(z.array(withdrawalSchema)),
      memberships: z.optional(z.array(membershipSchema)),
      cohorts: z.optional(z.array(cohortSchema)),
    }),
  });
  const schema = z.toJSONSchema(z.union([plain, encryptedFileSchema]), { unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return {
    $schema: schema.$schema,
    $id: `urn:mentoring-journal:pair-file:${FORMAT_VERSION}`,
    title: `Mentoring Journal file (pair file or backup), format version ${FORMAT_VERSION}`,
    description:
      'Generated from src/sync/envelope.ts and src/model/*.ts by src/sync/schemaDoc.test.ts; do not edit by hand. See docs/file-formats.md.',
    ...schema,
  };
}
