import { NO_CONTRACT, type Contract } from '../../../../shared/contract';
import { SelectField, type TextKeys } from '../../components/fields';
import type { FormApi } from '../../components/form';

/**
 * The "Contract" choice of a session (its own form and the request-scheduling
 * form): one of the office's contracts, or none for a paid-for or other
 * session. The draft holds '' for none.
 */
export function ContractSelect<D>({ form, name, contracts }: { form: FormApi<D>; name: TextKeys<D>; contracts: readonly Contract[] }) {
  return (
    <SelectField
      form={form}
      name={name}
      label="Contract"
      placeholder={NO_CONTRACT}
      choices={contracts.map((contract) => ({ value: contract.id, label: `${contract.name} (${contract.funder})` }))}
      hint={`The funding contract the session is delivered under. Choose ${NO_CONTRACT} for a session nobody funds through a contract.`}
    />
  );
}
