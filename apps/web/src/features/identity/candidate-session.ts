// Who is signed in on the candidate portal, for the header's 登录 / 注册 or name and 退出
// (NFR-UX-1: a candidate always sees whether he is signed in). One shared ref: read once when the
// portal opens, then set by sign-in, registration and sign-out, so navigating costs no request.
import { ref } from 'vue';
import { ApiError } from '@/app/http';
import { candidateApi, logout, type CandidateAccount } from './identity.api';

/** undefined while unknown (first load), null when signed out. */
export const candidateSession = ref<CandidateAccount | null | undefined>(undefined);

/** Asks the server once; a 401 means signed out, other failures leave the state unknown. */
export async function loadCandidateSession(): Promise<void> {
  try {
    candidateSession.value = await candidateApi.account({ silent: true });
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 403))
      candidateSession.value = null;
  }
}

/** After a successful sign-in or registration: the answer is the account itself. */
export function setCandidateSession(account: CandidateAccount | null): void {
  candidateSession.value = account;
}

/** Ends the session on the server and in the header. */
export async function signOutCandidate(): Promise<void> {
  await logout();
  candidateSession.value = null;
}
