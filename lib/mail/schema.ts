// The operator's acts on the outbox (« Courriels en échec »).
import { z } from 'zod';

export const resendEmailSchema = z.object({ emailId: z.string().min(1).max(64) });
