import type { ProcedureName } from './contract';
import type { StaffRole } from './contract/staff';

/**
 * Which staff roles may call each procedure on the office server, declared
 * once: the core refuses every other call (electron/core/staff/role-check.ts)
 * and the screens hide what it would refuse. The desktop app, with no
 * accounts, is not limited by it.
 *
 * - admin: everything, and alone staff, devices and pairing, settings,
 *   backups and erasure.
 * - coordinator: the catalogue, sessions, bookings and waitlists, members,
 *   imports, conflicts and duplicates, reports, and downloads of lists.
 * - viewer: reports and lists only; no downloads of people's details
 *   (list downloads and subject access), and no changes.
 *
 * The type names every procedure, so a new one does not compile until it
 * has its roles here.
 */
const everyone = ['admin', 'coordinator', 'viewer'] as const satisfies readonly StaffRole[];
const coordinators = ['admin', 'coordinator'] as const satisfies readonly StaffRole[];
const admins = ['admin'] as const satisfies readonly StaffRole[];

export const procedureRoles: { readonly [N in ProcedureName]: readonly StaffRole[] } = {
  // Every screen asks these first.
  'device.status': everyone,
  'kiosk.status': everyone,
  'device.setUp': admins,

  // The catalogue: everyone reads, coordinators change.
  'organisations.list': everyone,
  'organisations.get': everyone,
  'organisations.page': everyone,
  'organisations.similar': coordinators,
  'organisations.create': coordinators,
  'organisations.update': coordinators,
  'organisations.merge': coordinators,
  'people.list': everyone,
  'people.get': everyone,
  'people.page': everyone,
  'people.record': everyone,
  'people.history': everyone,
  'people.facilitatorNames': everyone,
  'facilitators.list': everyone,
  'facilitators.add': coordinators,
  'facilitators.rename': coordinators,
  'facilitators.link': coordinators,
  'people.similar': coordinators,
  'people.create': coordinators,
  'people.update': coordinators,
  'people.merge': coordinators,
  'courses.list': everyone,
  'courses.get': everyone,
  'courses.create': coordinators,
  'courses.update': coordinators,
  'venues.list': everyone,
  'venues.get': everyone,
  'venues.create': coordinators,
  'venues.update': coordinators,
  'sessions.list': everyone,
  'sessions.get': everyone,
  'sessions.create': coordinators,
  'sessions.update': coordinators,
  'contracts.list': everyone,
  'contracts.get': everyone,
  'contracts.create': coordinators,
  'contracts.update': coordinators,

  // Sign-in, the roster and the kiosk.
  'signIn.today': everyone,
  'signIn.roster': everyone,
  'signIn.find': everyone,
  'signIn.similarPeople': coordinators,
  'signIn.signIn': coordinators,
  'signIn.undo': coordinators,
  'signIn.book': coordinators,
  'signIn.cancelBooking': coordinators,
  'signIn.addWalkIn': coordinators,
  'signIn.signInOverCapacity': coordinators,
  'kiosk.start': coordinators,
  'kiosk.exit': coordinators,
  'kiosk.find': coordinators,
  'kiosk.countMatches': coordinators,
  'kiosk.signIn': coordinators,
  'kiosk.organisations': coordinators,
  'kiosk.addSelf': coordinators,

  // Bookings, waitlists and requests.
  'bookings.history': everyone,
  'bookings.groups': everyone,
  'bookings.bookPeople': coordinators,
  'bookings.acceptOffer': coordinators,
  'bookings.passOffer': coordinators,
  'bookings.raisePriority': coordinators,
  'bookings.move': coordinators,
  'bookings.removeFromWaitlist': coordinators,
  'bookings.setCapacity': coordinators,
  'bookings.releaseNoShows': coordinators,
  'bookings.bookGroup': coordinators,
  'bookings.fillGroupPlace': coordinators,
  'requests.list': everyone,
  'requests.create': coordinators,
  'requests.decline': coordinators,
  'requests.schedule': coordinators,

  // Evaluations and notes.
  'evaluations.template': everyone,
  'evaluations.respondents': everyone,
  'evaluations.summary': everyone,
  'evaluations.saveTemplate': coordinators,
  'evaluations.submit': coordinators,
  'notes.list': everyone,
  'notes.add': coordinators,
  'notes.correct': coordinators,
  'notes.respond': coordinators,
  // The follow-up: names and emails of people due, their codes and answers, so coordinators only (a viewer gets no people's details).
  'followUps.due': coordinators,
  'followUps.writeMailMerge': coordinators,
  'followUps.rewriteMailMerge': coordinators,
  'followUps.forms': coordinators,
  'followUps.findCode': coordinators,
  'followUps.answer': coordinators,
  'kioskEvaluation.find': coordinators,
  'kioskEvaluation.template': coordinators,
  'kioskEvaluation.submit': coordinators,
  'kioskEvaluation.beforeQuestions': coordinators,
  'kioskEvaluation.submitBefore': coordinators,

  // Devices and pairing: admins. A laptop's own procedures are refused at the office anyway.
  'pairing.status': admins,
  'pairing.request': admins,
  'pairing.readRequest': admins,
  'pairing.enrol': admins,
  'pairing.enrolmentFile': admins,
  'pairing.revoke': admins,
  'pairing.readEnrolment': admins,
  'pairing.acceptEnrolment': admins,
  'sync.outbox': admins,
  'sync.exportBundle': admins,
  'sync.rewriteBundle': admins,
  'sync.importPackage': admins,
  'sync.sendToOffice': admins,
  'sync.saveSettings': admins,

  // Imports, conflicts and duplicates: coordinators; the logs are lists everyone reads.
  'sync.settings': coordinators,
  'sync.importFile': coordinators,
  'sync.importInbox': coordinators,
  'sync.manifest': coordinators,
  'sync.importHeld': coordinators,
  'sync.resolveConflict': coordinators,
  'sync.resolveDuplicate': coordinators,
  'sync.writePackage': coordinators,
  'sync.packageForLaptop': coordinators,
  'sync.importLog': everyone,
  'sync.held': everyone,
  'sync.conflicts': everyone,
  'sync.capacityFlags': everyone,
  'sync.duplicates': everyone,
  'sheets.preview': coordinators,
  'sheets.import': coordinators,
  'sheets.progress': coordinators,

  // Downloads of lists hold people's details.
  'exports.download': coordinators,

  // Membership.
  'schemes.list': everyone,
  'schemes.get': everyone,
  'schemes.create': coordinators,
  'schemes.update': coordinators,
  'members.list': everyone,
  'members.get': everyone,
  'members.join': coordinators,
  'members.renew': coordinators,
  'members.recordFee': coordinators,
  'members.cancel': coordinators,
  'members.book': coordinators,
  'members.exempt': coordinators,
  'memberLines.forSession': everyone,
  'memberRequests.list': everyone,
  'memberRequests.record': coordinators,
  'memberRequests.confirm': coordinators,
  'memberRequests.decline': coordinators,

  // Reports: figures, not people's details, so viewers run and download them.
  'reports.options': everyone,
  'reports.run': everyone,
  'reports.export': everyone,
  'savedReports.list': everyone,
  'savedReports.runNext': coordinators,
  'savedReports.save': coordinators,
  'savedReports.delete': coordinators,

  // Backups, erasure, settings and staff: admins.
  'backup.status': admins,
  'backup.setFolder': admins,
  'backup.now': admins,
  'backup.check': admins,
  'backup.restore': admins,
  'erasure.preview': admins,
  'erasure.erase': admins,
  'erasure.list': admins,
  'erasure.settings': admins,
  'erasure.saveSettings': admins,
  'erasure.pastRetention': admins,
  'settings.get': admins,
  'settings.renameDevice': admins,
  'settings.changePin': admins,
  'settings.makeRecoveryCode': admins,
  'settings.resetPinWithRecoveryCode': admins,
  'settings.laptopPins': admins,
  'settings.resetLaptopPin': admins,
  'subjectAccess.report': coordinators,
  'subjectAccess.spreadsheet': coordinators,
  'staff.list': admins,
  'staff.add': admins,
  'staff.update': admins,
  'staff.resetPassword': admins,
  'staff.audit': admins,
};

/** Whether a staff member of this role may call the procedure; with no role (the desktop app, no accounts) everything may be called. */
export function roleMayCall(role: StaffRole | null | undefined, name: ProcedureName): boolean {
  if (!role) return true;
  return (procedureRoles[name] ?? []).includes(role);
}
