// Types shared by the policy form (EventPolicyForm.vue) and its sections in this folder.
import type { EventPolicy } from '@kaolu/contracts';

/**
 * The policy being edited. Besides the fields the form knows it may carry keys added to the policy
 * schema later; they are kept on save (INT-09) and edited in PolicyOtherSection or the JSON view.
 */
export type PolicyDraft = EventPolicy & Record<string, unknown>;

/**
 * Looks up the server's messages for one policy path ('scoreWeights', 'examCategories.0.code'),
 * joined with '；', or '' when that path has none. Every section gets it so the server's Chinese
 * validation message appears next to the field it names rather than only in the summary.
 */
export type PolicyErrorLookup = (path: string) => string;
