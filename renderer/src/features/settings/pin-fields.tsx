import { TextField, type TextKeys } from '../../components/fields';
import type { Errors, FormApi } from '../../components/form';

/** A PIN box: hidden as it is typed, digits on a touch keyboard, no longer than a PIN can be. */
export function PinField<D>({ form, name, label, hint }: { form: FormApi<D>; name: TextKeys<D>; label: string; hint?: string }) {
  return <TextField form={form} name={name} label={label} hint={hint} type="password" inputMode="numeric" width="short" maxLength={8} />;
}

export interface NewPinDraft {
  newPin: string;
  repeatPin: string;
}

/** A new PIN is typed twice, as when it was first chosen, so a slip of the finger does not lock the facilitator out. */
export function samePinTwice(draft: NewPinDraft): Errors {
  return draft.repeatPin !== draft.newPin ? { repeatPin: 'Type the new PIN again, the same both times.' } : {};
}

/** The new PIN and the same again, with the hint for the first. */
export function NewPinFields<D extends NewPinDraft>({ form }: { form: FormApi<D> }) {
  return (
    <>
      <PinField form={form} name={'newPin' as TextKeys<D>} label="New PIN" hint="4 to 8 digits." />
      <PinField form={form} name={'repeatPin' as TextKeys<D>} label="New PIN again" />
    </>
  );
}
