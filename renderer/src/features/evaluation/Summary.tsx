import type { EvaluationSummary } from '../../../../shared/contract';
import { plural } from '../../components/format';
import { PairedChange } from './PairedChange';

/** 0.667 -> "67%" */
export function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

/** A mean rating to one decimal place: "4.0". */
function oneDecimal(value: number): string {
  return value.toFixed(1);
}

/** "+1.7", "-0.3" (with a real minus sign), "0.0" */
export function signed(value: number): string {
  const text = Math.abs(value).toFixed(1);
  if (text === '0.0') return text;
  return value > 0 ? `+${text}` : `\u2212${text}`;
}

/**
 * One horizontal bar, `fraction` of the way along. Drawn with SVG attributes
 * (the CSP allows no style attributes); hidden from screen readers, because
 * the same figure is written beside it.
 */
export function Bar({ fraction }: { fraction: number }) {
  const width = Math.max(0, Math.min(1, fraction)) * 100;
  return (
    <svg className="eval-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect className="eval-bar__track" x="0" y="0" width="100" height="10" />
      <rect className="eval-bar__fill" x="0" y="0" width={width} height="10" />
    </svg>
  );
}

function Outcomes({ outcomes }: { outcomes: EvaluationSummary['outcomes'] }) {
  if (outcomes.length === 0) return null;
  return (
    <section aria-labelledby="summary-outcomes">
      <h3 id="summary-outcomes">Learning outcomes</h3>
      <p className="muted">
        The mean rating of how much the session helped with each outcome, from 1 (not at all) to 5 (very much). “Prefer not to
        say” and questions left out are not counted.
      </p>
      <ul className="eval-bars">
        {outcomes.map((outcome) => (
          <li key={outcome.outcomeId} className="eval-bars__row">
            <span className="eval-bars__label">{outcome.text}</span>
            <span className="eval-bars__value">
              {outcome.mean === null ? 'No ratings yet' : `${oneDecimal(outcome.mean)} out of 5`}
              <span className="muted"> ({plural(outcome.answered, 'rating')})</span>
            </span>
            <Bar fraction={outcome.mean === null ? 0 : outcome.mean / 5} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function Confidence({ confidence }: { confidence: NonNullable<EvaluationSummary['confidence']> }) {
  return (
    <section aria-labelledby="summary-confidence">
      <h3 id="summary-confidence">Confidence, rated at the end (retrospective)</h3>
      {confidence.paired === 0 || confidence.share === null ? (
        <p>No one has rated their confidence both before and now yet.</p>
      ) : (
        <ul className="eval-bars">
          <li className="eval-bars__row">
            <span className="eval-bars__label">Felt more confident than before the session</span>
            <span className="eval-bars__value" data-figure="confidence-share">
              {confidence.rose} of {confidence.paired} ({percent(confidence.share)})
            </span>
            <Bar fraction={confidence.share} />
          </li>
          <li className="eval-bars__row">
            <span className="eval-bars__label">Mean change in confidence, on the 1 to 5 scale</span>
            <span className="eval-bars__value" data-figure="confidence-change">
              {confidence.meanChange === null ? 'None' : `${signed(confidence.meanChange)} points`}
            </span>
          </li>
        </ul>
      )}
      {confidence.paired > 0 && (
        <p className="muted">Counted over the {plural(confidence.paired, 'person', 'people')} who gave a rating both for before the session and for now.</p>
      )}
    </section>
  );
}

function Comments({ comments }: { comments: EvaluationSummary['comments'] }) {
  const questions = [...new Set(comments.map((comment) => comment.question))];
  return (
    <section aria-labelledby="summary-comments">
      <h3 id="summary-comments">Comments</h3>
      {questions.length === 0 && <p>No written comments yet.</p>}
      {questions.map((question) => (
        <div key={question} className="eval-comments">
          <h4 className="eval-comments__question">{question}</h4>
          <ul className="eval-comments__list">
            {comments
              .filter((comment) => comment.question === question)
              .map((comment, index) => (
                <li key={index} dir="auto" className="pre-line">
                  {comment.text}
                </li>
              ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/**
 * What funders ask, for one session: how many answered, the mean rating per
 * learning outcome, the share whose confidence rose and the mean change, and
 * the comments. Each figure is written out, with a bar beside it.
 */
export function Summary({ summary }: { summary: EvaluationSummary }) {
  return (
    <div className="eval-summary">
      <p className="eval-summary__headline" data-figure="responses">
        {summary.responses} of {plural(summary.signedIn, 'person', 'people')} signed in answered
        {summary.signedIn > 0 ? ` (${percent(summary.responseRate)} response rate).` : '.'}
      </p>
      {summary.signedIn > 0 && <Bar fraction={summary.responseRate} />}
      {summary.responses === 0 ? (
        <p>No one has answered the evaluation yet.</p>
      ) : summary.withheld ? (
        <div className="notice" data-figure="withheld">
          <p>
            Fewer than 5 people answered, so the results for each question are not shown. The answers are anonymous, and with
            so few people they could show who said what.
          </p>
          <p>They will show here once 5 or more people have answered.</p>
        </div>
      ) : (
        <>
          {summary.smallGroup && (
            <div className="notice">
              <p>Fewer than 5 people answered, so read these figures with care.</p>
            </div>
          )}
          <Outcomes outcomes={summary.outcomes} />
          {summary.confidence && <Confidence confidence={summary.confidence} />}
          <PairedChange summary={summary} />
          <Comments comments={summary.comments} />
        </>
      )}
    </div>
  );
}
