import { useEffect, useState } from 'react';
import { useLocation } from 'wouter';
import { SheetInput, sheetKinds, type SheetKind, type SheetPreview } from '../../../../shared/contract';
import { call } from '../../api/client';
import { RadioGroup, SelectField, TextField } from '../../components/fields';
import { readChosenFile } from '../../components/files';
import { useForm } from '../../components/form';
import { Page } from '../../components/Page';
import { useAnnounce } from '../../components/status';
import '../../styles/sync.css';
import '../../styles/sheets.css';
import { FileForm } from '../sync/FileForm';
import { ForRole } from '../sync/ForRole';
import { ColumnMapping } from './ColumnMapping';
import { kindLabels } from './columnFields';
import { ImportStep } from './ImportStep';
import { samePeopleFrom, type SameChoices } from './LikelyDuplicates';
import { rememberedFor, rememberMapping, type ColumnMapping as Mapping } from './rememberedMapping';
import { SheetPreviewView } from './SheetPreviewView';
import { SheetProgressBar, useSheetProgress } from './SheetProgress';
import { useSchemeChoices } from './schemeChoices';

/** The file as read in the browser, with what the office said it holds: the input of both procedures but the mapping. */
type ChosenSheet = Omit<SheetInput, 'mapping'> & { kind: SheetKind };

interface Shown {
  chosen: ChosenSheet;
  mapping: Mapping;
  preview: SheetPreview;
}

const ChoiceFields = SheetInput.pick({ kind: true, sheet: true, scheme: true });
const choiceInput = (draft: { kind: string; sheet: string; scheme: string }) => ({
  kind: draft.kind,
  sheet: draft.sheet.trim() || undefined,
  // Only a member list is for a scheme.
  scheme: draft.kind === 'members' ? draft.scheme || undefined : undefined,
});

const withMapping = (chosen: ChosenSheet, mapping: Mapping) => (Object.keys(mapping).length > 0 ? { ...chosen, mapping } : chosen);

/** What the header row of each kind of file needs. */
const kindHints: Record<SheetKind, string> = {
  attendance: 'The header row needs columns for first name and surname; title rows above it are passed over.',
  people: 'The header row needs columns for first name and surname; title rows above it are passed over.',
  members: 'The header row needs columns for first name, surname and date joined; title rows above it are passed over.',
  evaluations:
    'The header row needs columns for the course, the session date and the venue, and a column for each learning outcome that starts with its words. The sessions must be in Fieldbook already.',
};

/** Mapped columns stay listed after the core reads them, so a mapping can be changed back. */
function headersToMap(shown: Shown): string[] {
  return [...new Set([...Object.keys(shown.mapping), ...shown.preview.ignoredColumns])];
}

/**
 * The office brings in years of sign-in sheets and people lists typed up in
 * Excel: choose the file, read the preview (nothing is written), say what any
 * unrecognised column holds, confirm new courses, then import in one go.
 */
export function SheetImportScreen() {
  const form = useForm({
    id: 'sheet',
    initial: { kind: 'attendance' as string, sheet: '', scheme: '' },
    schema: ChoiceFields,
    toInput: choiceInput,
  });
  const [shown, setShown] = useState<Shown | null>(null);
  const [imported, setImported] = useState<SheetPreview | null>(null);
  // Likely duplicates the office chose as the same person; every other one is imported as a different person.
  const [same, setSame] = useState<SameChoices>({});
  const announce = useAnnounce();
  const [location] = useLocation();
  const progress = useSheetProgress();
  const schemes = useSchemeChoices(form.draft.kind === 'members');
  const preview = (chosen: ChosenSheet, mapping: Mapping) =>
    progress.tracked('preview', (progressId) => call('sheets.preview', { ...withMapping(chosen, mapping), progressId }));

  // The preview and its buttons are gone after an import: keyboard focus goes to what was written.
  useEffect(() => {
    if (imported) document.getElementById('sheet-result-heading')?.focus();
  }, [imported]);

  const show = (next: Shown) => {
    setShown(next);
    setImported(null);
    setSame({});
    announce(next.preview.message, location);
  };

  const previewFile = async ([file]: File[]) => {
    const choice = ChoiceFields.safeParse(choiceInput(form.draft));
    // The fields above the chooser cannot hold anything the schema refuses (radios, a 200-character box).
    const { kind, sheet, scheme } = choice.success ? choice.data : { kind: 'attendance' as const, sheet: undefined, scheme: undefined };
    const { contentBase64 } = await readChosenFile(file!);
    const chosen: ChosenSheet = { kind, fileName: file!.name, contentBase64, ...(sheet ? { sheet } : {}), ...(scheme ? { scheme } : {}) };
    const first = await preview(chosen, {});
    // Columns mapped for an earlier file are read the same way in this one.
    const remembered = rememberedFor(kind, first.ignoredColumns);
    if (Object.keys(remembered).length === 0) return show({ chosen, mapping: {}, preview: first });
    show({ chosen, mapping: remembered, preview: await preview(chosen, remembered) });
  };

  const previewWith = async (current: Shown, mapping: Mapping) => {
    const next = await preview(current.chosen, mapping);
    rememberMapping(current.chosen.kind, headersToMap(current), mapping);
    show({ chosen: current.chosen, mapping, preview: next });
  };

  /** confirmedCourses: the new courses the office ticked to create; the core refuses the file if it would add any other. */
  const importShown = async (current: Shown, confirmedCourses: string[]) => {
    const result = await progress.tracked('import', (progressId) =>
      call('sheets.import', {
        ...withMapping(current.chosen, current.mapping),
        confirmedCourses,
        samePeople: samePeopleFrom(current.preview.people.likelyDuplicates, same),
        progressId,
      }),
    );
    setShown(null);
    setImported(result);
    announce(result.message, location);
  };

  return (
    <ForRole role="office" title="Import a spreadsheet">
      <Page title="Import a spreadsheet">
        <p className="lead">
          Bring in past sign-in sheets, lists of people, member lists or evaluation results from Excel (.xlsx) or CSV. You see
          what would change first; nothing is written until you choose Import, and importing the same file again adds nothing.
        </p>
        <section className="sync-section" aria-labelledby="sheet-choose-heading">
          <h2 id="sheet-choose-heading">Choose the file</h2>
          <RadioGroup form={form} name="kind" label="What does the file hold?" choices={sheetKinds.map((kind) => ({ value: kind, label: kindLabels[kind] }))} />
          {form.draft.kind === 'members' && (
            <SelectField
              form={form}
              name="scheme"
              label="Membership scheme"
              hint={schemes.hint}
              placeholder="Choose the scheme"
              choices={schemes.choices}
            />
          )}
          <TextField
            form={form}
            name="sheet"
            label="Sheet to read"
            optional
            width="medium"
            maxLength={200}
            hint="Only for an Excel workbook: leave it empty to read every sheet with a header row."
          />
          <FileForm
            label="Spreadsheet file (.xlsx or .csv)"
            hint={kindHints[form.draft.kind as SheetKind] ?? kindHints.attendance}
            submitLabel="Preview"
            busyLabel="Reading…"
            whenEmpty="Choose a .xlsx or .csv file to preview."
            onFiles={previewFile}
          />
          <SheetProgressBar shown={progress.shown} call="preview" />
        </section>
        {shown && (
          <SheetPreviewView
            preview={shown.preview}
            headingId="sheet-preview-heading"
            sameChoices={{
              chosen: same,
              choose: (rowKey, personId) =>
                setSame((before) => {
                  const { [rowKey]: _left, ...rest } = before;
                  return personId === null ? rest : { ...rest, [rowKey]: personId };
                }),
            }}
          >
            <ColumnMapping
              key={`${shown.chosen.fileName}:${JSON.stringify(shown.mapping)}`}
              kind={shown.chosen.kind}
              headers={headersToMap(shown)}
              mapping={shown.mapping}
              onPreview={(mapping) => previewWith(shown, mapping)}
            />
            <ImportStep
              key={shown.preview.courses.new.join('\n')}
              newCourses={shown.preview.courses.new}
              onImport={(confirmedCourses) => importShown(shown, confirmedCourses)}
            />
            <SheetProgressBar shown={progress.shown} call="import" />
          </SheetPreviewView>
        )}
        {imported && <SheetPreviewView preview={imported} headingId="sheet-result-heading" />}
      </Page>
    </ForRole>
  );
}
