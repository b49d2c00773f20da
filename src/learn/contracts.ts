import { z } from 'zod';

/**
 * The public reply contracts. Any model (including a user's own through `invoker.command`) must
 * answer with one JSON object of these shapes; prose or a fenced block around it is fine.
 */
export const reviewerReply = z.object({
  operations: z
    .array(
      z.discriminatedUnion('op', [
        z.object({ op: z.literal('add'), content: z.string().trim().min(1), scope: z.enum(['user', 'project']).default('user') }),
        z.object({ op: z.literal('replace'), old: z.string().trim().min(1), content: z.string().trim().min(1) }),
        z.object({ op: z.literal('remove'), old: z.string().trim().min(1) }),
      ]),
    )
    .max(20),
});
export type ReviewerReply = z.infer<typeof reviewerReply>;
export type ReviewOperation = ReviewerReply['operations'][number];

export const extractorReply = z.object({ skill_md: z.string().min(20).max(200_000) });
export type ExtractorReply = z.infer<typeof extractorReply>;

export const judgeReply = z.object({
  verdicts: z.array(z.object({ invocation: z.string().min(1), success: z.boolean(), reason: z.string().max(1000).default('') })).max(100),
});
export type JudgeReply = z.infer<typeof judgeReply>;

/** The model judge of a grey-zone write: is storing this text safe? */
export const guardJudgeReply = z.object({ safe: z.boolean(), reason: z.string().trim().min(1).max(1000) });
export type GuardJudgeReply = z.infer<typeof guardJudgeReply>;
