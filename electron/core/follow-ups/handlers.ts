import type { CoreContext } from '../deps';
import type { HandlerGroup } from '../handler-types';
import { thisDevice } from '../sync/device-keys';
import { write } from '../write';
import { localDate } from '../deps';
import { followUpAnswersAt, openCode, recordFollowUp } from './answers';
import { followUpsDue } from './due';
import { printableForms, rewriteMailMerge, writeMailMerge } from './mail-merge';

/** The follow-up is sent and answered at the office: a laptop is refused every step (linked answers name people across sessions). */
export function followUpHandlers(ctx: CoreContext): HandlerGroup<'followUps'> {
  const atOffice = () => thisDevice(ctx, 'office');
  return {
    async 'followUps.due'() {
      await atOffice();
      return followUpsDue(ctx);
    },
    async 'followUps.writeMailMerge'(choice) {
      await atOffice();
      const file = await write(ctx, (scope) => writeMailMerge(ctx, scope, choice));
      return { fileName: file.fileName, contentBase64: Buffer.from(file.bytes).toString('base64'), asked: file.asked };
    },
    async 'followUps.rewriteMailMerge'(choice) {
      await atOffice();
      const file = await rewriteMailMerge(ctx, choice);
      return { fileName: file.fileName, contentBase64: Buffer.from(file.bytes).toString('base64'), written: file.written, withoutEmail: file.withoutEmail };
    },
    async 'followUps.forms'({ sessionId }) {
      await atOffice();
      return printableForms(ctx, sessionId);
    },
    async 'followUps.findCode'({ code }) {
      await atOffice();
      const found = openCode(ctx, code);
      return { code: found.row.code, name: found.name, courseTitle: found.courseTitle, startsAt: found.startsAt, venueName: found.venueName, questions: found.questions };
    },
    async 'followUps.answer'({ code, answers }) {
      await atOffice();
      const found = await write(ctx, async (scope) => {
        const opened = openCode(ctx, code);
        await recordFollowUp(ctx, scope, opened, answers, localDate(ctx.clock()));
        return opened;
      });
      return { name: found.name, courseTitle: found.courseTitle, startsAt: found.startsAt, followUpAnswers: followUpAnswersAt(ctx, found.row.session_id) };
    },
  };
}
