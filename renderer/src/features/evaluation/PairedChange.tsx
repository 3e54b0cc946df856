import type { ChangeQuestion, EvaluationSummary, MomentPair } from '../../../../shared/contract';
import { plural } from '../../components/format';

const momentWords = { before: 'before the session', after: 'after it', follow_up: 'at the follow-up' } as const;

/** A median rating: "3", "3.5", or "Not given" when no one answered (or too few, when anonymous). */
function medianText(value: number | null, answered: number): string {
  if (answered === 0) return 'Not given';
  if (value === null) return `${plural(answered, 'answer')}, too few to show`;
  return `${Number.isInteger(value) ? value : value.toFixed(1)} (${plural(answered, 'answer')})`;
}

function pairText(pair: MomentPair): string {
  if (pair.paired === 0) return 'No one answered both';
  if (pair.withheld) return `${plural(pair.paired, 'pair')}: fewer than 5, so not shown, as the answers are anonymous`;
  return `${pair.higher} higher, ${pair.same} the same, ${pair.lower} lower, of ${plural(pair.paired, 'pair')}`;
}

function QuestionChange({ question }: { question: ChangeQuestion }) {
  const asked = (['before', 'after', 'follow_up'] as const).filter((moment) => question.pairs.some((pair) => pair.from === moment || pair.to === moment));
  return (
    <li className="eval-change__question" data-change={question.id}>
      <h4 className="eval-change__title">{question.question}</h4>
      <dl className="eval-change__figures">
        {asked.map((moment) => (
          <div key={moment}>
            <dt>Median {momentWords[moment]}</dt>
            <dd data-figure={`median-${moment}`}>{medianText(question.median[moment], question.answered[moment])}</dd>
          </div>
        ))}
        {question.pairs.map((pair) => (
          <div key={`${pair.from}-${pair.to}`}>
            <dt>
              The same person {momentWords[pair.from]} and {momentWords[pair.to]}
            </dt>
            <dd data-figure={`pair-${pair.from}-${pair.to}`}>{pairText(pair)}</dd>
          </div>
        ))}
        {question.retrospective && (
          <div>
            <dt>Retrospective: “before today”, rated at the end, against now</dt>
            <dd data-figure="retrospective">
              {question.retrospective.higher === null
                ? `${plural(question.retrospective.paired, 'answer')}: fewer than 5, so not shown`
                : `${question.retrospective.higher} higher, ${question.retrospective.same} the same, ${question.retrospective.lower} lower, of ${plural(question.retrospective.paired, 'answer')}`}
            </dd>
          </div>
        )}
      </dl>
    </li>
  );
}

/**
 * Change through the training cycle at one session: for each rating asked
 * before the session and after it, the median at each moment and how each
 * person's second rating compares with their first (paired by the person,
 * or, when anonymous, by the random code their two answers share).
 */
export function PairedChange({ summary }: { summary: EvaluationSummary }) {
  if (summary.change.length === 0) return null;
  return (
    <section aria-labelledby="summary-change" className="eval-change">
      <h3 id="summary-change">Change through the training cycle</h3>
      <p data-figure="before-answers">
        {plural(summary.before.answered, 'person', 'people')} answered the questions before the session
        {summary.before.late > 0 ? `; ${summary.before.late} of them after it had started (kept, and marked late).` : '.'}
      </p>
      <ul className="eval-change__list">
        {summary.change.map((question) => (
          <QuestionChange key={question.id} question={question} />
        ))}
      </ul>
    </section>
  );
}
