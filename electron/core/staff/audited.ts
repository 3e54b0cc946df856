import type { ParsedInput, ProcedureName, ProcedureOutput } from '../../../shared/contract';
import type { Handlers } from '../handler-types';
import { audit, type AuditKind, type StaffStoreContext } from './accounts';
import { currentStaff } from './caller';

/** The lists whose download holds people's details (the others are sessions, organisations and contracts). */
const PERSONAL_LISTS = new Set(['people', 'roster', 'waitlist', 'requests', 'importLog', 'conflicts', 'duplicates', 'members']);

type AuditLine = { kind: AuditKind; detail: string } | null;

const peopleCount = (count: number) => (count === 1 ? '1 person' : `${count} people`);

/** What the admins' audit trail says when a staff member exports personal data or erases someone (from what was asked and what it gave). */
const auditLines: { [N in ProcedureName]?: (input: ParsedInput<N>, output: ProcedureOutput<N>) => AuditLine } = {
  'exports.download': (input) =>
    PERSONAL_LISTS.has(input.list) ? { kind: 'personal_data_exported', detail: `Downloaded the ${input.list} list as ${input.format.toUpperCase()}.` } : null,
  'subjectAccess.report': (input) => ({ kind: 'personal_data_exported', detail: `Opened everything held about person ${input.personId}.` }),
  'subjectAccess.spreadsheet': (input) => ({ kind: 'personal_data_exported', detail: `Downloaded everything held about person ${input.personId} as a spreadsheet.` }),
  'followUps.writeMailMerge': (input, output) => ({
    kind: 'personal_data_exported',
    detail: `Wrote the follow-up mail-merge as ${input.format.toUpperCase()}: the names, emails and personal codes of ${peopleCount(output.asked)}.`,
  }),
  'followUps.rewriteMailMerge': (input, output) => ({
    kind: 'personal_data_exported',
    detail: `Wrote the follow-up mail-merge again as ${input.format.toUpperCase()}: the names, emails and personal codes of ${peopleCount(output.written)} asked before.`,
  }),
  'erasure.erase': (input) => ({
    kind: 'person_erased',
    detail: `Erased ${peopleCount(input.personIds.length)} (asked for by ${input.erasedBy}: ${input.reason}).`,
  }),
};

/**
 * On the office server, a staff member's personal-data exports and
 * erasures go in the admins' audit trail, written in the call's own turn on
 * the write path once it has succeeded. Calls with no staff caller (the
 * desktop app) are not audited here: it has no accounts.
 */
export function withStaffAudit(ctx: StaffStoreContext, handlers: Handlers): Handlers {
  const wrapped = { ...handlers } as Record<ProcedureName, (input: unknown) => Promise<unknown>>;
  for (const name of Object.keys(auditLines) as ProcedureName[]) {
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    const line = auditLines[name] as (input: unknown, output: unknown) => AuditLine;
    wrapped[name] = async (input) => {
      const result = await handler(input);
      const caller = currentStaff();
      const entry = caller ? line(input, result) : null;
      if (caller && entry) audit(ctx, entry.kind, { staffId: caller.staffId, name: caller.name }, caller.address, entry.detail);
      return result;
    };
  }
  return wrapped as Handlers;
}
