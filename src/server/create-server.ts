import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { openKit, type Kit, type KitOptions } from '../kit.js';
import { registerTools } from '../tools/define-tool.js';
import { ALL_TOOLS } from '../tools/index.js';
import { SERVER_INSTRUCTIONS } from './instructions.js';
import { exposeSkills } from './skill-surface.js';
import { PACKAGE_VERSION } from './version.js';

export interface CreateServerOptions extends KitOptions {
  /** An already opened kit (tests, the HTTP transport); opened from options otherwise. */
  kit?: Kit;
}

export interface KeiServer {
  server: McpServer;
  kit: Kit;
  /** Closes the database, watchers and timers. Safe to call twice. */
  cleanup(): Promise<void>;
}

export function createServer(options: CreateServerOptions = {}): KeiServer {
  const ownsKit = options.kit === undefined;
  const kit = options.kit ?? openKit({ ...options, logName: options.logName ?? 'mcp' });
  const server = new McpServer(
    { name: 'keiseikit', title: 'KeiSeiKit', version: PACKAGE_VERSION },
    { instructions: SERVER_INSTRUCTIONS, capabilities: { logging: {}, prompts: { listChanged: true }, resources: { listChanged: true } } },
  );
  registerTools(server, ALL_TOOLS, kit);
  const unexpose = exposeSkills(server, kit);
  if (kit.config.skills.watch) kit.skills.registry.watch();
  let cleaned = false;
  return {
    server,
    kit,
    async cleanup() {
      if (cleaned) return;
      cleaned = true;
      unexpose();
      await server.close().catch(() => undefined);
      // A shared kit (the HTTP transport serves many sessions from one) is closed by its owner.
      if (!ownsKit) return;
      await kit.skills.registry.close();
      kit.close();
    },
  };
}
