import type { GroupCounts } from './change-groups';
import type { ChangeSessions } from './facts/change-by-session';
import { RETRO_NONE, type ChangeFacts } from './facts/change-facts';

/**
 * Counts one session's answers at a time into cells, by the rules of
 * evaluations/paired-change.ts: each answer in the order stored, a pair key's
 * last rating of a question at a moment the one that counts, then the
 * session's pairs. The arrays it works in are made once and reused session
 * after session.
 */
export class SessionPass {
  /** The last session's questions, numbered from 0 in the order met: questions[l] is question l's number in the change facts. */
  readonly questions: Int32Array;
  /** How many of `questions` the last session met. */
  questionsHere = 0;
  // By pair key at the session: the moments it answered at (bit m for moment m) and the cell its answers count in.
  private readonly keyMoments: Uint8Array;
  private readonly keyCell: GroupCounts[] = [];
  private readonly questionStamp: Int32Array;
  private readonly questionLocal: Int32Array;
  // Each form version's questions by their place in it, worked out with the session's first answer to that version.
  private readonly formStamp: Int32Array;
  private readonly formLocal: Int32Array[];
  // The last rating each pair key gave each of the session's questions at each moment: [key][l][moment], reset as read.
  private readonly latest: Int8Array;

  constructor(
    private readonly change: ChangeFacts,
    private readonly bySession: ChangeSessions,
  ) {
    const Q = change.questions.size;
    this.questions = new Int32Array(Q);
    this.questionStamp = new Int32Array(Q).fill(-1);
    this.questionLocal = new Int32Array(Q);
    this.formStamp = new Int32Array(change.templates.length).fill(-1);
    this.formLocal = change.templates.map((form) => new Int32Array(form.questions.length));
    this.keyMoments = new Uint8Array(bySession.mostPairKeys);
    this.latest = new Int8Array(bySession.mostPairKeys * Math.max(Q, 1) * 3);
  }

  /**
   * Session n's answers, each into the cell `cellOf` gives for who it counts
   * for (kept person, ANONYMOUS or UNKNOWN_PERSON, and their organisation),
   * or left out where it gives null (a person filter). `read` ratings were
   * read before this session; returns how many have been after it.
   */
  count(n: number, read: number, cellOf: (kept: number, organisation: number) => GroupCounts | null): number {
    const { change, bySession, keyMoments, keyCell, latest, questions } = this;
    const { start, order, kept: keptAt, organisation: organisationAt, pairKey } = bySession;
    const Q = change.questions.size;
    const forms = change.templates;
    const template = change.template.view();
    const moment = change.moment.view();
    const late = change.late.view();
    const ratingStart = change.ratingStart.view();
    const ratings = change.ratings.view();
    const retro = change.retrospective.view();
    let ratingsRead = read;
    let questionsHere = 0;
    for (let at = start[n]!; at < start[n + 1]!; at += 1) {
      const cell = cellOf(keptAt[at]!, organisationAt[at]!);
      if (cell === null) continue;
      const i = order[at]!;
      const m = moment[i]!;
      cell.countAnswer(m, m === 0 && late[i] === 1);
      const key = pairKey[at]!;
      if (key >= 0) {
        keyMoments[key]! |= 1 << m;
        // A pair key's sector is its person's (or anonymous): the same for each of its answers, so one cell.
        keyCell[key] = cell;
      }

      const t = template[i]!;
      if (t < 0) continue;
      const form = forms[t]!;
      const local = this.formLocal[t]!;
      if (this.formStamp[t] !== n) {
        this.formStamp[t] = n;
        for (let k = 0; k < form.questions.length; k += 1) {
          const q = form.questions[k]!;
          if (this.questionStamp[q] !== n) {
            this.questionStamp[q] = n;
            this.questionLocal[q] = questionsHere;
            questions[questionsHere++] = q;
          }
          local[k] = this.questionLocal[q]!;
        }
      }
      cell.meetForm(form, t, m, ratingsRead);
      const places = form.askedPlaces[m]!;
      ratingsRead += places.length;
      const first = ratingStart[i]!;
      for (let j = 0; j < places.length; j += 1) {
        const k = places[j]!;
        const value = ratings[first + k]!;
        if (value > 0) {
          cell.countRating(form.questions[k]!, m, value);
          if (key >= 0) latest[(key * Q + local[k]!) * 3 + m] = value;
        }
        const retrospective = retro[first + k]!;
        if (retrospective !== RETRO_NONE) cell.countRetrospective(form.questions[k]!, retrospective);
      }
    }
    this.questionsHere = questionsHere;

    // The session's pairs: who answered at two moments, and how each question's ratings moved.
    for (let key = 0; key < bySession.pairKeys[n]!; key += 1) {
      const mask = keyMoments[key]!;
      if (mask === 0) continue; // none of its answers counted
      keyMoments[key] = 0;
      const from = key * Q * 3;
      if ((mask & 3) !== 3 && (mask & 6) !== 6 && (mask & 5) !== 5) {
        latest.fill(0, from, from + questionsHere * 3);
        continue;
      }
      const cell = keyCell[key]!;
      cell.countPairedPerson(mask);
      for (let l = 0; l < questionsHere; l += 1) {
        const at = from + l * 3;
        const before = latest[at]!;
        const after = latest[at + 1]!;
        const followUp = latest[at + 2]!;
        latest[at] = latest[at + 1] = latest[at + 2] = 0;
        if ((before > 0 ? 1 : 0) + (after > 0 ? 1 : 0) + (followUp > 0 ? 1 : 0) < 2) continue;
        cell.countPair(questions[l]!, before, after, followUp);
      }
    }
    return ratingsRead;
  }
}
