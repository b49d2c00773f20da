// The scripted model server is shared with `npm run demo`, so it lives in scripts/lib.
export { startModelServer, systemText } from '../../scripts/lib/model-server.js';
export type { ModelServer, RecordedRequest, ScriptedReply } from '../../scripts/lib/model-server.js';
