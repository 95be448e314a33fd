// Any line the writer appends to the manifest: the kinds of manifest-entry.ts and edit-entry.ts,
// told apart by `type`.
import { z } from 'zod';
import { editEntrySchema } from './edit-entry.js';
import { articleEntrySchema, duplicateEntrySchema, tombstoneEntrySchema } from './manifest-entry.js';

export const manifestEntrySchema = z.discriminatedUnion('type', [
  articleEntrySchema,
  duplicateEntrySchema,
  tombstoneEntrySchema,
  editEntrySchema,
]);

export type ManifestEntry = z.infer<typeof manifestEntrySchema>;
