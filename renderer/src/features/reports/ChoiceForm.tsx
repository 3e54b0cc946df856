import type { FormEvent } from 'react';
import { reportKinds, reportTitles, sectorLabels, sectors, type ReportOptions } from '../../../../shared/contract';
import { Field } from '../membership/parts';
import { membershipYearKind, periodKinds, schemeYearStarts, startYearHolding, withReport, yearName, type Draft, type Filters, type PeriodKind, type SchemeYear } from './choices';

interface Choice {
  value: string;
  label: string;
}

function Select({ label, hint, value, onChange, choices, any }: { label: string; hint?: string; value: string; onChange(value: string): void; choices: Choice[]; any?: string }) {
  return (
    <Field label={label} hint={hint}>
      {(id, describedBy) => (
        <select id={id} aria-describedby={describedBy} className="input" value={value} onChange={(event) => onChange(event.target.value)}>
          {any !== undefined && <option value="">{any}</option>}
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function DateInput({ label, hint, value, onChange, type = 'date' }: { label: string; hint?: string; value: string; onChange(value: string): void; type?: 'date' | 'month' }) {
  return (
    <Field label={label} hint={hint}>
      {(id, describedBy) => <input id={id} aria-describedby={describedBy} className="input" type={type} value={value} onChange={(event) => onChange(event.target.value)} />}
    </Field>
  );
}

/** Years to choose from: six back from the one holding today, and the next. */
function yearChoices(today: string, yearStarts: string): Choice[] {
  const current = startYearHolding(today, yearStarts);
  const years: Choice[] = [];
  for (let year = current + 1; year >= current - 6; year -= 1) years.push({ value: String(year), label: yearName(year, yearStarts) });
  return years;
}

const quarters: Choice[] = [
  { value: '1', label: 'Quarter 1 (April to June)' },
  { value: '2', label: 'Quarter 2 (July to September)' },
  { value: '3', label: 'Quarter 3 (October to December)' },
  { value: '4', label: 'Quarter 4 (January to March)' },
];

const named = (items: { id: string; name: string }[]): Choice[] => items.map((item) => ({ value: item.id, label: item.name }));

/** The period's own controls, which differ by kind of period. */
function PeriodFields({ draft, set, options, schemes, today }: { draft: Draft; set(change: Partial<Draft>): void; options: ReportOptions; schemes: SchemeYear[]; today: string }) {
  const contract = options.contracts.find((candidate) => candidate.id === draft.periodContractId);
  const contracts = named(options.contracts);
  switch (draft.period) {
    case 'membershipYear': {
      const yearStarts = schemeYearStarts(draft, schemes) ?? '04-01';
      return (
        <Select
          label="Membership year"
          hint="Members who joined in this year are counted."
          value={draft.startYear}
          onChange={(startYear) => set({ startYear })}
          choices={yearChoices(today, yearStarts)}
        />
      );
    }
    case 'contractYear':
      return (
        <>
          <Select label="Contract" value={draft.periodContractId} onChange={(periodContractId) => set({ periodContractId })} choices={contracts} any={contracts.length ? undefined : 'No contracts yet'} />
          <Select label="Contract year" value={draft.startYear} onChange={(startYear) => set({ startYear })} choices={yearChoices(today, contract?.yearStarts ?? '04-01')} />
        </>
      );
    case 'financialYear':
      return <Select label="Financial year" value={draft.startYear} onChange={(startYear) => set({ startYear })} choices={yearChoices(today, '04-01')} />;
    case 'quarter':
      return (
        <>
          <Select label="Financial year" value={draft.startYear} onChange={(startYear) => set({ startYear })} choices={yearChoices(today, '04-01')} />
          <Select label="Quarter" value={draft.quarter} onChange={(quarter) => set({ quarter })} choices={quarters} />
        </>
      );
    case 'month':
      return <DateInput label="Month" type="month" value={draft.month} onChange={(month) => set({ month })} />;
    case 'custom':
      return (
        <>
          <DateInput label="First day" value={draft.from} onChange={(from) => set({ from })} />
          <DateInput label="Last day" hint="Both days count." value={draft.to} onChange={(to) => set({ to })} />
        </>
      );
    case 'yearToDate':
      return <Select label="Year of" value={draft.periodContractId} onChange={(periodContractId) => set({ periodContractId })} choices={contracts} any="The financial year (from 1 April)" />;
  }
}

/** Choose a report, its period, the as-of date and the filters; "Show report" runs it. */
export function ChoiceForm({
  draft,
  onChange,
  options,
  schemes,
  today,
  onSubmit,
}: {
  draft: Draft;
  onChange(draft: Draft): void;
  options: ReportOptions;
  /** The schemes' membership years (the office's; none on a laptop). */
  schemes: SchemeYear[];
  today: string;
  onSubmit(): void;
}) {
  const set = (change: Partial<Draft>) => onChange({ ...draft, ...change });
  const filter = (key: keyof Filters) => (value: string) => onChange({ ...draft, filters: { ...draft.filters, [key]: value } });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  const periodKind = (period: string) => {
    const next = period as PeriodKind;
    // A contract year needs a contract: start on the first one.
    set(next === 'contractYear' && !draft.periodContractId ? { period: next, periodContractId: options.contracts[0]?.id ?? '' } : { period: next });
  };
  const chooseScheme = (schemeId: string) => {
    const next = { ...draft, filters: { ...draft.filters, schemeId } };
    const yearStarts = schemeYearStarts(next, schemes);
    // A scheme with rolling terms has no membership year: its joining dates are chosen from one day to another.
    if (draft.period === 'membershipYear' && !yearStarts) onChange({ ...next, period: 'custom' });
    else if (yearStarts && draft.period === 'membershipYear') onChange({ ...next, startYear: String(startYearHolding(today, yearStarts)) });
    else onChange(next);
  };
  const kinds = draft.kind === 'membership' && schemeYearStarts(draft, schemes) ? [membershipYearKind, ...periodKinds] : periodKinds;

  return (
    <form className="report-choices" onSubmit={submit} aria-labelledby="report-choices-title">
      <h2 id="report-choices-title">Choose a report</h2>
      <div className="report-choices__row">
        <Select label="Report" value={draft.kind} onChange={(kind) => onChange(withReport(draft, kind as Draft['kind'], schemes, today))} choices={reportKinds.map((kind) => ({ value: kind, label: reportTitles[kind] }))} />
      </div>
      <fieldset className="report-choices__group">
        <legend className="field__label">Period</legend>
        <div className="report-choices__row">
          <Select label="Kind of period" value={draft.period} onChange={periodKind} choices={kinds} />
          <PeriodFields draft={draft} set={set} options={options} schemes={schemes} today={today} />
          <DateInput label="As of" hint="Leave blank for today. Nothing after this day counts." value={draft.asOf} onChange={(asOf) => set({ asOf })} />
        </div>
      </fieldset>
      <fieldset className="report-choices__group">
        <legend className="field__label">Filters</legend>
        <div className="report-choices__row">
          <Select label="Contract" value={draft.filters.contractId} onChange={filter('contractId')} choices={named(options.contracts)} any="Any contract, or none" />
          <Select label="Course" value={draft.filters.courseId} onChange={filter('courseId')} choices={named(options.courses)} any="Any course" />
          <Select label="Organisation" value={draft.filters.organisationId} onChange={filter('organisationId')} choices={named(options.organisations)} any="Any organisation" />
          <Select label="Sector" value={draft.filters.sector} onChange={filter('sector')} choices={sectors.map((sector) => ({ value: sector, label: sectorLabels[sector] }))} any="Any sector" />
          <Select label="Venue" value={draft.filters.venueId} onChange={filter('venueId')} choices={named(options.venues)} any="Any venue" />
          <Select label="Facilitator" value={draft.filters.facilitator} onChange={filter('facilitator')} choices={options.facilitators.map((name) => ({ value: name, label: name }))} any="Any facilitator" />
          {draft.kind === 'membership' && (
            <Select
              label="Membership scheme"
              value={draft.filters.schemeId}
              onChange={chooseScheme}
              choices={named(options.schemes)}
              any={options.schemes.length === 0 ? 'No schemes yet' : undefined}
            />
          )}
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button">
          Show report
        </button>
      </div>
    </form>
  );
}
