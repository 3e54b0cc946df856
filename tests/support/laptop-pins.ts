import type { ProcedureInput, ProcedureName, ProcedureOutput } from '../../shared/contract';

type Caller = <N extends ProcedureName>(name: N, input: ProcedureInput<N>) => Promise<ProcedureOutput<N>>;

/** The office resets a laptop's kiosk PIN as its Settings screen does: at the version of that laptop's reset it has just read. */
export async function resetLaptopPinAsShown(call: Caller, deviceId: string, newPin: string): Promise<ProcedureOutput<'settings.resetLaptopPin'>> {
  const shown = (await call('settings.laptopPins', {})).find((laptop) => laptop.deviceId === deviceId);
  return call('settings.resetLaptopPin', { deviceId, newPin, version: shown?.version ?? '' });
}
