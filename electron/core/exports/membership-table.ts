import { memberStatusLabels, trainingOutcomeLabels } from '../../../shared/contract/membership';
import type { InputFor, ListSources } from './sources';
import { cell, tableOf, type ExportTable } from './table';

/** The members list as the office filtered it on screen (office only, as the list is). */
export async function membersTable(sources: ListSources, { list: _list, format: _format, ...filters }: InputFor<'members'>): Promise<ExportTable> {
  const members = await sources['members.list'](filters);
  return tableOf(
    'Members',
    [
      { header: 'Name', cell: (member) => cell.text(member.name) },
      { header: 'Email', cell: (member) => cell.text(member.email) },
      { header: 'Scheme', cell: (member) => cell.text(member.schemeName) },
      { header: 'Status', cell: (member) => cell.text(memberStatusLabels[member.status]) },
      { header: 'Organisation', cell: (member) => cell.text(member.organisationName) },
      { header: 'Term starts', cell: (member) => cell.day(member.termStartsOn) },
      { header: 'Term ends', cell: (member) => cell.day(member.termEndsOn) },
      { header: 'Joined', cell: (member) => cell.day(member.training.joinedOn) },
      { header: 'Training', cell: (member) => cell.text(trainingOutcomeLabels[member.training.outcome]) },
      { header: 'Training due by', cell: (member) => cell.day(member.training.dueBy) },
      { header: 'Attended', cell: (member) => cell.day(member.training.attendedOn) },
      { header: 'Exempt because', cell: (member) => cell.text(member.training.exemptReason) },
    ],
    members,
  );
}
