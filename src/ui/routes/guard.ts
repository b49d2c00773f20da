import { KeiError } from '../../core/errors.js';
import { scanText } from '../../guard/index.js';
import type { Surface } from '../../guard/index.js';
import type { Kit } from '../../kit.js';
import { listGuardEvents } from '../../ledger/guard-events.js';
import { textField, type Route } from '../router.js';

const SURFACES = ['memory', 'skill', 'context'];

/** Guard: what it blocked, and a scan of any text (which stores nothing, so --read-only allows it). */
export function guardRoutes(kit: Kit): Route[] {
  return [
    { method: 'GET', path: '/api/guard/events', handler: () => ({ events: listGuardEvents(kit.db, 300) }) },
    {
      method: 'POST',
      path: '/api/guard/scan',
      readsOnly: true,
      handler: ({ body }) => {
        const surface = typeof body.surface === 'string' && body.surface ? body.surface : 'memory';
        if (!SURFACES.includes(surface))
          throw new KeiError('invalid_content', `surface must be one of ${SURFACES.join(', ')}`, { field: 'surface' });
        const result = scanText(textField(body, 'text'), { surface: surface as Surface });
        return { verdict: result.verdict, score: result.score, findings: result.findings.map(({ features: _f, ...f }) => f) };
      },
    },
  ];
}
