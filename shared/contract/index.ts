import type { z } from 'zod';
import { bookingProcedures } from './bookings';
import { catalogueProcedures } from './catalogue';
import { contractProcedures } from './contracts';
import { evaluationProcedures } from './evaluation';
import { exportProcedures } from './exports';
import { membershipProcedures } from './membership';
import { deviceProcedures } from './device';
import { kioskProcedures } from './kiosk';
import { signInProcedures } from './signin';
import { pairingProcedures } from './pairing';
import { syncProcedures } from './sync';
import { sheetProcedures } from './sheets';
import { reportProcedures } from './reports';
import { savedReportProcedures } from './saved-reports';
import { peopleProcedures } from './people';
import { backupProcedures } from './backup';
import { erasureProcedures } from './erasure';
import { settingsProcedures } from './settings';
import { subjectAccessProcedures } from './subject-access';
import { staffProcedures } from './staff';
import { facilitatorProcedures } from './facilitators';
import { followUpProcedures } from './follow-ups';

export interface ProcedureDefinition {
  /** Queries only read; mutations write and are recorded in the change log. */
  kind: 'query' | 'mutation';
  input: z.ZodType;
  output: z.ZodType;
  /**
   * 'kiosk': a participant may call it while the laptop is in kiosk mode.
   * Everything else is for staff and is refused until the kiosk is left.
   */
  access?: 'kiosk';
  /**
   * 'write-path': runs beside the write path instead of taking its turn on
   * it. Only for a query that reads no database (a progress record kept in
   * memory), so it cannot see or disturb another procedure's transaction.
   */
  beside?: 'write-path';
}

/** Every procedure Fieldbook offers, declared once. Transports only dispatch these. */
export const procedures = {
  ...deviceProcedures,
  ...catalogueProcedures,
  ...contractProcedures,
  ...signInProcedures,
  ...kioskProcedures,
  ...bookingProcedures,
  ...evaluationProcedures,
  ...pairingProcedures,
  ...syncProcedures,
  ...exportProcedures,
  ...membershipProcedures,
  ...sheetProcedures,
  ...reportProcedures,
  ...savedReportProcedures,
  ...peopleProcedures,
  ...backupProcedures,
  ...erasureProcedures,
  ...settingsProcedures,
  ...subjectAccessProcedures,
  ...staffProcedures,
  ...facilitatorProcedures,
  ...followUpProcedures,
} as const satisfies Record<string, ProcedureDefinition>;

export type Procedures = typeof procedures;
export type ProcedureName = keyof Procedures;
/** What a caller passes (defaults may be left out). */
export type ProcedureInput<N extends ProcedureName> = z.input<Procedures[N]['input']>;
/** What the core receives after validation (defaults filled in, text trimmed). */
export type ParsedInput<N extends ProcedureName> = z.output<Procedures[N]['input']>;
export type ProcedureOutput<N extends ProcedureName> = z.output<Procedures[N]['output']>;

export function isProcedureName(name: unknown): name is ProcedureName {
  return typeof name === 'string' && Object.hasOwn(procedures, name);
}

/** Events the shell pushes to the window (for example a menu choice). */
export interface AppEvents {
  navigate: { path: string };
}
export type AppEventName = keyof AppEvents;

/** The one object the preload exposes; the web client implements the same shape. */
export interface FieldbookBridge {
  invoke(name: string, input: unknown): Promise<import('../errors').CallResult<unknown>>;
  on<E extends AppEventName>(event: E, listener: (payload: AppEvents[E]) => void): () => void;
  /** The page on screen as a PDF (the print stylesheet applied); in the desktop app only, the web host prints instead. */
  printToPdf?(): Promise<import('../errors').CallResult<{ contentBase64: string }>>;
  /** The operating system's folder picker: the chosen folder's whole path, or null when cancelled. In the desktop app only; on the web host the path is typed. */
  chooseFolder?(title: string): Promise<string | null>;
}

export * from './common';
export * from './device';
export * from './catalogue';
export * from './contracts';
export * from './equality';
export * from './signin';
export * from './kiosk';
export * from './bookings';
export * from './evaluation';
export * from './pairing';
export * from './sync';
export * from './exports';
export * from './membership';
export * from './sheets';
export * from './reports';
export * from './saved-reports';
export * from './people';
export * from './backup';
export * from './erasure';
export * from './settings';
export * from './subject-access';
export * from './staff';
export * from './facilitators';
export * from './follow-ups';
