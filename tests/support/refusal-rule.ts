/**
 * The rule for a refusal's words (docs/development.md, "Refusals: what their
 * words say"): it starts with what to do, an instruction, or with "No need
 * to …" when there is nothing to do. Shared by the source check of the
 * core's refusals (tests/unit/refusal-words.test.ts) and the check of every
 * field message the contract's schemas give (tests/unit/contract.test.ts).
 */

/** The first words a refusal may start with: instructions. */
export const instructions: ReadonlySet<string> = new Set(
  `Add Agree Ask Book Cancel Change Check Choose Close Confirm Copy Correct Decline Enter Enrol Erase Export Finish Free Give Go Hold Import
   Keep Leave Load Look Make Manage Map Mark Merge Move Name Open Pair Pick Preview Put Read Release Remove Rename Renew Reset Restore Run Save
   Say Schedule Search Select Send Serve Set Shorten Sign Start Stop Tell Try Type Undo Update Use Wait Write`.split(/\s+/),
);

const nothingToDo = /^(No need to|Nothing to)\b/;

export function startsWithWhatToDo(message: string): boolean {
  return instructions.has(message.split(/[\s:,]/)[0]!) || nothingToDo.test(message);
}
