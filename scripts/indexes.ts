/** `npx tsx scripts/indexes.ts`: the database indexes to create in CloudBase, as the table in docs/deploy.md. */
import { indexTable } from '../cloudfunctions/_platform/indexes';

console.log(indexTable());
