import type { Kit } from '../../kit.js';
import type { Route } from '../router.js';
import { guardRoutes } from './guard.js';
import { learningRoutes } from './learning.js';
import { memoryRoutes } from './memories.js';
import { overviewRoutes } from './overview.js';
import { scheduleRoutes } from './schedules.js';
import { sessionRoutes } from './sessions.js';
import { skillRoutes } from './skills.js';

/** Every API route of the dashboard; each module is a thin layer over one domain module. */
export function apiRoutes(kit: Kit): Route[] {
  return [
    { method: 'GET', path: '/api/session', handler: () => ({}) },
    ...overviewRoutes(kit),
    ...memoryRoutes(kit),
    ...skillRoutes(kit),
    ...sessionRoutes(kit),
    ...guardRoutes(kit),
    ...learningRoutes(kit),
    ...scheduleRoutes(kit),
  ];
}
