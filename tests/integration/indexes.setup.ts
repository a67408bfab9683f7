/**
 * Every query a cloud function makes through the embedded database during an integration test file is
 * recorded (host/db/queryLog.ts; the tests' own reads are not); after the file's tests, any that no
 * index declared for CloudBase serves (cloudfunctions/_platform/indexes.ts) fails the file, naming the
 * collection, the fields, the source line and where to declare the index.
 */
import { servedBy } from '../../cloudfunctions/_platform/indexes';
import { recordQueries, type QueryShape } from '../../host/db/queryLog';

let recording: ReturnType<typeof recordQueries> | null = null;

beforeAll(() => {
  recording = recordQueries();
});

afterAll(() => {
  if (!recording) return;
  recording.stop();
  const missing = new Map<string, QueryShape>();
  for (const shape of recording.shapes) {
    if (shape.origin === null || servedBy(shape) !== null) continue; // a test's own reads do not run in CloudBase
    const key = JSON.stringify([shape.collection, Object.entries(shape.filters).sort(), shape.sort]);
    missing.set(key, shape);
  }
  if (missing.size === 0) return;
  const lines = [...missing.values()].map((s) => {
    const filters = Object.entries(s.filters).map(([f, kind]) => `${f} (${kind})`).join(', ') || 'nothing';
    const sort = s.sort.map((k) => `${k.field} ${k.direction}`).join(', ') || 'nothing';
    return `  ${s.collection}: filters on ${filters}; sorts by ${sort} (${s.origin ?? ''})`;
  });
  throw new Error(
    `queries that no declared index serves (add one to INDEXES in cloudfunctions/_platform/indexes.ts, ` +
      `then the table in docs/deploy.md):\n${lines.join('\n')}`,
  );
});
