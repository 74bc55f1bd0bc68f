// The expected authorization matrix, written by hand from docs/REGLES.md and lib/core/permissions.ts
// (never computed from the code under test): one row per server action or route handler and place,
// one column per role. Read by tests/integration/authorization-matrix.test.ts.
//
// Places (the target's, as seen from the actor: collège A is the collège people's own, P1 the platform staff's own):
//   -      no target of another (the person's own account, a public form, the operator's portal)
//   est    collège A's row (for the acts on a platform: a pupil of collège A enrolled on P1, on P1's host)
//   est'   collège B's row (a pupil of collège B on P1, on P1's host)
//   site   platform P1's row, on P1's host
//   site'  platform P2's row, posted to P1's host (a pupil of collège A on P2 for the collège's acts)
// Outcomes (actions): ok = done (and the row changed) · 401 sign in · 403 forbidden · 404 not found
//   (another's row is never told apart from a missing one) · 409 refused by a rule (the person may act).
// Outcomes (routes): the HTTP status.
import type { RoleKey } from './world';
import type { Place } from './cases';

const ACTIONS = `
action                               place  PRI  DEP  PP   TEA  SEC  PUP  PADM PTEA OPER ANON
# lib/accounts/actions.ts — public forms: anyone, signed in or not (the link or the address decides)
registerEstablishmentAction          -      ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
resendActivationAction               -      ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
activateAccountAction                -      ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
requestPasswordResetAction           -      ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
resetPasswordAction                  -      ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
submitAccessRequestAction            -      ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
changePasswordAction                 -      ok   ok   ok   ok   ok   ok   ok   ok   ok   401
# lib/accounts/admin-actions.ts — access requests: the collège's heads; escalated ones and reviews: the operator
grantAccessRequestAction             est    ok   ok   403  403  403  403  403  403  403  401
grantAccessRequestAction             est'   404  404  403  403  403  403  403  403  403  401
declineAccessRequestAction           est    ok   ok   403  403  403  403  403  403  403  401
declineAccessRequestAction           est'   404  404  403  403  403  403  403  403  403  401
operatorGrantAccessRequestAction     -      403  403  403  403  403  403  403  403  ok   401
operatorDeclineAccessRequestAction   -      403  403  403  403  403  403  403  403  ok   401
decideRegistrationReviewAction       -      403  403  403  403  403  403  403  403  ok   401
# lib/classes/actions.ts — classes: the whole team; professeurs principaux: the heads; pupils: office (+ PP for their class)
createClassAction                    -      ok   ok   ok   ok   ok   403  403  403  403  401
updateClassAction                    est    ok   ok   ok   ok   ok   403  403  403  403  401
updateClassAction                    est'   404  404  404  404  404  403  403  403  403  401
deleteClassAction                    est    ok   ok   ok   ok   ok   403  403  403  403  401
deleteClassAction                    est'   404  404  404  404  404  403  403  403  403  401
assignTeachersAction                 est    ok   ok   403  403  403  403  403  403  403  401
assignTeachersAction                 est'   404  404  403  403  403  403  403  403  403  401
regenerateJoinCodeAction             est    ok   ok   ok   ok   ok   403  403  403  403  401
regenerateJoinCodeAction             est'   404  404  404  404  404  403  403  403  403  401
movePupilsAction                     est    ok   ok   ok   403  ok   403  403  403  403  401
movePupilsAction                     est'   404  404  404  403  404  403  403  403  403  401
detachPupilAction                    est    ok   ok   ok   403  ok   403  403  403  403  401
detachPupilAction                    est'   404  404  404  403  404  403  403  403  403  401
updateGuardiansAction                est    ok   ok   ok   403  ok   403  403  403  403  401
updateGuardiansAction                est'   404  404  404  403  404  403  403  403  403  401
# lib/classes/pupil-actions.ts — the pupil's own acts (sign-up is public); est': a class of another collège
signUpPupilAction                    -      ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
joinClassAction                      est    403  403  403  403  403  ok   403  403  403  401
joinClassAction                      est'   403  403  403  403  403  409  403  403  403  401
updateOwnGuardiansAction             -      403  403  403  403  403  ok   403  403  403  401
# lib/classes/rollover-actions.ts — the operator
startRolloverAction                  -      403  403  403  403  403  403  403  403  ok   401
rolloverStepAction                   -      403  403  403  403  403  403  403  403  ok   401
# lib/conventions/actions.ts — on P1's host. The collège reaches its pupils' conventions on any platform
# (site': a convention of P2 asked on P1's host is still its own pupil's; its links stay P2's).
sendForSignatureAction               est    ok   ok   ok   403  ok   403  ok   ok   403  401
sendForSignatureAction               est'   404  404  404  403  404  403  ok   ok   403  401
sendForSignatureAction               site'  ok   ok   ok   403  ok   403  404  404  403  401
resendLinksAction                    est    ok   ok   ok   403  ok   403  ok   ok   403  401
resendLinksAction                    est'   404  404  404  403  404  403  ok   ok   403  401
resendLinksAction                    site'  ok   ok   ok   403  ok   403  404  404  403  401
markReceivedAction                   est    403  403  403  403  403  403  ok   ok   403  401
markReceivedAction                   site'  403  403  403  403  403  403  404  404  403  401
signConventionAction                 site   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
signConventionAction                 site'  404  404  404  404  404  404  404  404  404  404
verifyConventionAction               site   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
verifyConventionAction               site'  404  404  404  404  404  404  404  404  404  404
# lib/enrolments/actions.ts — on P1's host: the collège enrols its pupils in reach; the lycée cancels and takes attendance
enrolAction                          est    ok   ok   ok   403  ok   403  403  403  403  401
enrolAction                          est'   404  404  404  403  404  403  403  403  403  401
enrolAction                          site'  404  404  404  403  404  403  403  403  403  401
cancelEnrolmentAction                est    ok   ok   ok   403  ok   403  ok   ok   403  401
cancelEnrolmentAction                est'   404  404  404  403  404  403  ok   ok   403  401
cancelEnrolmentAction                site'  404  404  404  403  404  403  404  404  403  401
attendanceAction                     est    403  403  403  403  403  403  ok   ok   403  401
attendanceAction                     site'  403  403  403  403  403  403  404  404  403  401
saveEnrolmentOptionsAction           site   403  403  403  403  403  403  ok   403  403  401
# lib/mail/actions.ts — « Courriels en échec »: the operator
resendEmailAction                    -      403  403  403  403  403  403  403  403  ok   401
# lib/pupils/actions.ts — « Effacer les données de l'élève »: the collège's heads, their own pupils
erasePupilAction                     est    ok   ok   403  403  403  403  403  403  403  401
erasePupilAction                     est'   404  404  403  403  403  403  403  403  403  401
# lib/sites/actions.ts — on P1's host: its administrators; invitations: the invited person
updateSiteOptionsAction              site   403  403  403  403  403  403  ok   403  403  401
saveContactAction                    site   403  403  403  403  403  403  ok   403  403  401
saveContactAction                    site'  403  403  403  403  403  403  404  403  403  401
deleteContactAction                  site   403  403  403  403  403  403  ok   403  403  401
deleteContactAction                  site'  403  403  403  403  403  403  404  403  403  401
saveFormationAction                  site   403  403  403  403  403  403  ok   403  403  401
saveFormationAction                  site'  403  403  403  403  403  403  404  403  403  401
deleteFormationAction                site   403  403  403  403  403  403  ok   403  403  401
deleteFormationAction                site'  403  403  403  403  403  403  404  403  403  401
saveTeacherAction                    site   403  403  403  403  403  403  ok   403  403  401
saveTeacherAction                    site'  403  403  403  403  403  403  404  403  403  401
deleteTeacherAction                  site   403  403  403  403  403  403  ok   403  403  401
deleteTeacherAction                  site'  403  403  403  403  403  403  404  403  403  401
inviteSiteStaffAction                site   403  403  403  403  403  403  ok   403  403  401
# accepting: an invitation to one's own address (a pupil's login-only account has none: not theirs)
acceptSiteInvitationAction           site   ok   ok   ok   ok   ok   403  ok   ok   ok   401
acceptSiteInvitationAction           site'  404  404  404  404  404  404  404  404  404  401
createAccountFromInvitationAction    site   403  403  403  403  403  403  403  403  403  ok
createAccountFromInvitationAction    site'  403  403  403  403  403  403  403  403  403  404
# est: on the portal (the collège's office edits its collège's); site: on P1's host (also its administrators, the lycée's)
updateEstablishmentInfoAction        est    ok   ok   403  403  ok   403  403  403  403  401
updateEstablishmentInfoAction        site   ok   ok   403  403  ok   403  ok   403  403  401
# lib/sites/operator-actions.ts — the operator, on the portal
createPlatformAction                 -      403  403  403  403  403  403  403  403  ok   401
updatePlatformAction                 -      403  403  403  403  403  403  403  403  ok   401
operatorInviteAction                 -      403  403  403  403  403  403  403  403  ok   401
# lib/stages/actions.ts — on P1's host: its staff (administrators and teachers)
createStageAction                    site   403  403  403  403  403  403  ok   ok   403  401
createStageAction                    site'  403  403  403  403  403  403  404  404  403  401
updateStageAction                    site   403  403  403  403  403  403  ok   ok   403  401
updateStageAction                    site'  403  403  403  403  403  403  404  404  403  401
duplicateStageAction                 site   403  403  403  403  403  403  ok   ok   403  401
duplicateStageAction                 site'  403  403  403  403  403  403  404  404  403  401
cancelStageAction                    site   403  403  403  403  403  403  ok   ok   403  401
cancelStageAction                    site'  403  403  403  403  403  403  404  404  403  401
# lib/team/actions.ts — the heads; sign-up and accepting an invitation are public (the link decides)
signUpStaffAction                    -      ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
inviteStaffAction                    -      ok   ok   403  403  403  403  403  403  403  401
resendInvitationAction               est    ok   ok   403  403  403  403  403  403  403  401
resendInvitationAction               est'   404  404  403  403  403  403  403  403  403  401
revokeInvitationAction               est    ok   ok   403  403  403  403  403  403  403  401
revokeInvitationAction               est'   404  404  403  403  403  403  403  403  403  401
approveMembershipAction              est    ok   ok   403  403  403  403  403  403  403  401
approveMembershipAction              est'   404  404  403  403  403  403  403  403  403  401
refuseMembershipAction               est    ok   ok   403  403  403  403  403  403  403  401
refuseMembershipAction               est'   404  404  403  403  403  403  403  403  403  401
removeMemberAction                   est    ok   ok   403  403  403  403  403  403  403  401
removeMemberAction                   est'   404  404  403  403  403  403  403  403  403  401
acceptInvitationNewAction            -      ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
acceptInvitationExistingAction       -      ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
# the header's switch: one of one's own collèges only
chooseEstablishmentAction            est    ok   ok   ok   ok   ok   404  404  404  404  401
chooseEstablishmentAction            est'   404  404  404  404  404  404  404  404  404  401
`;

const ROUTES = `
route                                place  PRI  DEP  PP   TEA  SEC  PUP  PADM PTEA OPER ANON
# next-auth's own endpoint reads its own cookie, never the matrix's person: the same answer to all
GET /api/auth/[...nextauth]          -      200  200  200  200  200  200  200  200  200  200
POST /api/auth/[...nextauth]         -      200  200  200  200  200  200  200  200  200  200
# « Conv »: the lycée's staff (its stages), the collège's members who reach the pupil (any platform), the pupil
GET /api/conventions/[enrolmentId]   est    200  200  200  404  200  200  200  200  404  401
GET /api/conventions/[enrolmentId]   est'   404  404  404  404  404  404  200  200  404  401
GET /api/conventions/[enrolmentId]   site'  200  200  200  404  200  200  404  404  404  401
# a pupil's data (RGPD export): the collège's heads, their own pupils; on the portal
GET /api/eleves/[id]/donnees         est    200  200  403  403  403  403  403  403  403  401
GET /api/eleves/[id]/donnees         est'   404  404  403  403  403  403  403  403  403  401
# the journals' CSV: a collège's (its heads, on the portal), the operator's (the portal), a platform's (its administrators, its host)
GET /api/journal/etablissement       -      200  200  403  403  403  403  403  403  403  401
GET /api/journal/etablissement       site   404  404  404  404  404  404  404  404  404  404
GET /api/journal/operateur           -      403  403  403  403  403  403  403  403  200  401
GET /api/journal/operateur           site   404  404  404  404  404  404  404  404  404  404
GET /api/journal/plateforme          site   403  403  403  403  403  403  200  403  403  401
GET /api/journal/plateforme          -      404  404  404  404  404  404  404  404  404  404
# the platform's public feed; no platform on the portal
GET /api/ics                         site   200  200  200  200  200  200  200  200  200  200
GET /api/ics                         -      404  404  404  404  404  404  404  404  404  404
# a signature link's PDF: on its own platform only
GET /api/signature/[token]           site   200  200  200  200  200  200  200  200  200  200
GET /api/signature/[token]           site'  404  404  404  404  404  404  404  404  404  404
# the one sign-in: authorize on the portal only, callback and start on a platform
GET /api/sso/authorize               -      303  303  303  303  303  303  303  303  303  303
GET /api/sso/authorize               site   404  404  404  404  404  404  404  404  404  404
GET /api/sso/callback                site   303  303  303  303  303  303  303  303  303  303
GET /api/sso/callback                -      404  404  404  404  404  404  404  404  404  404
GET /api/sso/start                   site   303  303  303  303  303  303  303  303  303  303
GET /api/sso/start                   -      303  303  303  303  303  303  303  303  303  303
# « Stagiaires » CSV: the platform's staff, and the collège members who enrol (their own pupils)
GET /api/stagiaires                  site   200  200  200  403  200  403  200  200  403  401
GET /api/stagiaires                  -      404  404  404  404  404  404  404  404  404  404
`;

export type Row = { key: string; place: Place; expected: Record<RoleKey, string> };

function parse(text: string): Row[] {
  const lines = text.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'));
  const [header, ...rows] = lines;
  const cols = header.trim().split(/\s+/).slice(2) as RoleKey[];
  return rows.map((line) => {
    const parts = line.trim().split(/\s+/);
    // A route's key has a space (« GET /api/ics »).
    const [key, rest] = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/.test(parts[0]) ? [`${parts[0]} ${parts[1]}`, parts.slice(2)] : [parts[0], parts.slice(1)];
    const [place, ...cells] = rest;
    if (cells.length !== cols.length) throw new Error(`matrix table: ${key} ${place} has ${cells.length} cells, not ${cols.length}`);
    return { key, place: place as Place, expected: Object.fromEntries(cols.map((c, i) => [c, cells[i]])) as Record<RoleKey, string> };
  });
}

export const ACTION_ROWS = parse(ACTIONS);
export const ROUTE_ROWS = parse(ROUTES);
