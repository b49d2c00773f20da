import type { LearnContext } from '../learn/context.js';

/**
 * What running jobs may use of an opened process (the nightly builtin hands it on to learning).
 * schedule/ never reaches up to the composition root: kit.ts satisfies this shape.
 */
export type ScheduleContext = Pick<LearnContext, 'clock' | 'config' | 'db' | 'env' | 'log' | 'paths' | 'projectKey' | 'skills'>;
