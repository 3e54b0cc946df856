import { Link } from 'wouter';
import type { EvaluationTemplate } from '../../../../shared/contract';
import { useKeepsCatalogue } from '../../app/device';
import { missingTranslations, type MissingTranslation } from './questions/translated';

/** "Arabic: 3 of 5 questions are not translated" or "Polish: none of the 5 questions is translated". */
function lineFor({ name, untranslated, total }: MissingTranslation): string {
  if (untranslated === total) return `${name}: none of the ${total === 1 ? 'question is' : `${total} questions are`} translated.`;
  return `${name}: ${untranslated} of ${total} questions ${untranslated === 1 ? 'is' : 'are'} not translated.`;
}

/**
 * Told before the evaluation is handed to participants: which languages the
 * kiosk offers that this version of the questions is not (fully) translated
 * into. A participant who chooses one sees those questions in English, marked
 * as such; the office can add the translations.
 */
export function TranslationNotice({ template, courseId }: { template: EvaluationTemplate; courseId: string }) {
  const keepsCatalogue = useKeepsCatalogue();
  const missing = missingTranslations(template);
  if (missing.length === 0) return null;
  return (
    <div className="notice" role="note" aria-labelledby="translation-notice-heading">
      <h3 id="translation-notice-heading">Some questions are not translated</h3>
      <ul>
        {missing.map((language) => (
          <li key={language.language}>{lineFor(language)}</li>
        ))}
      </ul>
      <p>
        Participants who choose {missing.length === 1 ? 'that language' : 'those languages'} see those questions in English, with a
        note saying they are not translated yet.{' '}
        {keepsCatalogue ? (
          <Link href={`/courses/${courseId}/evaluation`}>Add the translations</Link>
        ) : (
          'The central office can add the translations.'
        )}
      </p>
    </div>
  );
}
