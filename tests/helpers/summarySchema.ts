import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/** Where the published committee summary schema lives (the build serves it at /schemas/). */
export const SUMMARY_SCHEMA_PATH = 'docs/committee-summary.schema.json';

/** The published schema (the file the build serves), compiled by a real 2020-12 validator with formats. */
export function publishedSummaryValidator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(SUMMARY_SCHEMA_PATH, 'utf8')));
}
