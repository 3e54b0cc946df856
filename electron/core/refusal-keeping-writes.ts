import { FieldbookError } from '../../shared/errors';

/**
 * A refusal that keeps what its procedure wrote before refusing. Every other
 * refusal writes nothing; this one exists for the kiosk's wrong PINs, whose
 * count must outlast the refused call (kiosk/pin-tries.ts). The write path
 * commits the procedure's transaction instead of rolling it back.
 */
export class RefusalKeepingWrites extends FieldbookError {}
