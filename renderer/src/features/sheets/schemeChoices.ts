import { call } from '../../api/client';
import { useAsync } from '../../components/useAsync';

/**
 * The membership schemes a member list can be for, from schemes.list, once
 * the office chooses "members". The select offers them by name, which is
 * what sheets.preview and sheets.import take (as the command line's --scheme does).
 */
export function useSchemeChoices(wanted: boolean): { choices: { value: string; label: string }[]; hint: string } {
  const schemes = useAsync(() => (wanted ? call('schemes.list', {}) : Promise.resolve([])), [wanted]);
  const list = schemes.data ?? [];
  const hint =
    schemes.status === 'failed'
      ? `The schemes could not be read: ${schemes.message}`
      : schemes.status === 'ready' && list.length === 0
        ? 'There are no membership schemes yet: add the scheme first.'
        : 'The terms in the list are added to this scheme.';
  return { choices: list.map((scheme) => ({ value: scheme.name, label: scheme.name })), hint };
}
