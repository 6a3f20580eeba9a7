import { handleCaseAction, type CaseNumberContext } from '@/lib/integrations/api/case-action-route';
import { apiRoute } from '@/lib/integrations/api/route';

/** POST /api/v1/cases/{caseNumber}/pause, with the portal's Behandle rules. */
export const POST = apiRoute((request, context: CaseNumberContext, principal) => handleCaseAction(request, context, principal, 'pause'));
