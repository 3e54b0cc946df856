import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { startsWithWhatToDo } from '../support/refusal-rule';

/**
 * The rule for a refusal's words (docs/development.md, "Refusals"): every
 * refusal the core throws starts with what to do, an instruction ("Choose
 * the session again: that one could not be found.", "Undo the sign-in first
 * if they have left: this person is signed in."), and says why after it. When
 * there is nothing for the reader to do, it starts by saying so: "No need to
 * sign Seun in again: they are already signed in." A bare statement ("Seun
 * is already signed in.") leaves the reader to guess what comes next.
 *
 * Refusals of a file from another computer (an end-of-day file, a package,
 * a spreadsheet, a backup) may name the file and what is wrong with it
 * first, since that is what the import log is read for, but must still say
 * what to do or what happened to the file ("Nothing was imported.").
 *
 * The test reads the source: every `new FieldbookError(code, message)` (and
 * its subclass RefusalKeepingWrites) whose message is written in place, both
 * sides of a `cond ? a : b`. A message passed on in a variable comes from a
 * zod schema (tests/unit/contract.test.ts checks those) or from a refusal
 * checked here where it is written.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));

/** What a file's refusal may say instead of an instruction: what happened to the file. */
const whatHappened = /Nothing was (imported|saved|added|changed)|was not (imported|accepted)|none of it was imported|no account was changed/;

/** Files between computers: the file first, then what to do or what happened. */
const fileRefusals = ['electron/sync/', 'electron/core/sync/', 'electron/core/sheets/', 'electron/core/backup/', 'electron/cli/', 'electron/host/', 'electron/server/', 'electron/db/', 'electron/demo/'];
/** Folders not yet held to the rule: none now; a folder put here must say why. */
const notYetChecked: string[] = [];

interface Refusal {
  where: string;
  message: string;
}

function messagesOf(node: ts.Expression): string[] | null {
  if (ts.isParenthesizedExpression(node)) return messagesOf(node.expression);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node)) return [node.head.text + node.templateSpans.map((span) => `\${…}${span.literal.text}`).join('')];
  if (ts.isConditionalExpression(node)) {
    const sides = [messagesOf(node.whenTrue), messagesOf(node.whenFalse)];
    return sides.every((side) => side !== null) ? sides.flat() as string[] : null;
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const [left, right] = [messagesOf(node.left), messagesOf(node.right)];
    return left && right && left.length === 1 && right.length === 1 ? [left[0]! + right[0]!] : null;
  }
  return null;
}

function refusalsIn(folder: string): Refusal[] {
  const found: Refusal[] = [];
  for (const file of readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts') || file.includes('migrations')) continue;
    const path = join(root, folder, file);
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isNewExpression(node) && ['FieldbookError', 'RefusalKeepingWrites'].includes(node.expression.getText()) && node.arguments && node.arguments.length >= 2) {
        const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        for (const message of messagesOf(node.arguments[1]!) ?? []) found.push({ where: `${relative(root, path)}:${line}`, message });
        // The words beside each field ({ capacity: '…' }) are refusals too.
        const fields = node.arguments[2];
        if (fields && ts.isObjectLiteralExpression(fields)) {
          for (const property of fields.properties) {
            if (!ts.isPropertyAssignment(property)) continue;
            for (const message of messagesOf(property.initializer) ?? []) found.push({ where: `${relative(root, path)}:${line} (${property.name.getText()})`, message });
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** An instruction anywhere: the first word of the message, or of a sentence or clause after ". " or ": ". */
const saysWhatToDo = (message: string) =>
  message.split(/(?<=[.:;?)])\s+/).some((part) => startsWithWhatToDo(part.charAt(0).toUpperCase() + part.slice(1)));

const all = [...refusalsIn('electron'), ...refusalsIn('shared')].filter(({ where }) => !notYetChecked.some((folder) => where.startsWith(folder)));
const isFileRefusal = ({ where }: Refusal) => fileRefusals.some((folder) => where.startsWith(folder));

describe('refusals', () => {
  it('are found in the source, so the rule below is checking something', () => {
    expect(all.filter((refusal) => !isFileRefusal(refusal)).length).toBeGreaterThan(80);
    expect(all.filter(isFileRefusal).length).toBeGreaterThan(40);
  });

  it('start with what to do, or with "No need to" when there is nothing to do', () => {
    const statements = all.filter((refusal) => !isFileRefusal(refusal) && !startsWithWhatToDo(refusal.message));
    expect(statements.map(({ where, message }) => `${where}: ${message}`)).toEqual([]);
  });

  it('of a file from another computer say what to do or what happened to the file', () => {
    const unclear = all.filter((refusal) => isFileRefusal(refusal) && !saysWhatToDo(refusal.message) && !whatHappened.test(refusal.message));
    expect(unclear.map(({ where, message }) => `${where}: ${message}`)).toEqual([]);
  });

  it('are whole sentences in plain words', () => {
    for (const { where, message } of all) {
      expect(message, where).toMatch(/^(\$\{…\}|[A-Z"“]).*([.?)]|\$\{…\})$/s);
      expect(message, where).not.toMatch(/\bis required\b|\bmust be\b|\binvalid\b|\bbundle\b|\bnull\b|\bundefined\b/i);
    }
  });
});
