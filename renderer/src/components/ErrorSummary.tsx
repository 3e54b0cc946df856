import type { FormApi } from './form';

/**
 * "There is a problem": every error on the form, each a link that moves focus
 * to its field. Focus lands here after a failed submit.
 */
export function ErrorSummary<D>({ form }: { form: FormApi<D> }) {
  if (form.summary.length === 0) return null;
  return (
    <div className="error-summary" ref={form.summaryRef} tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 className="error-summary__title" id="error-summary-title">
        There is a problem
      </h2>
      <p>Nothing has been saved yet. Please check:</p>
      <ul className="error-summary__list">
        {form.summary.map((item) => (
          <li key={`${item.targetId ?? ''}:${item.message}`}>
            {item.targetId ? (
              <a
                href={`#${item.targetId}`}
                onClick={(event) => {
                  // The address bar holds the screen's route, so move focus without changing it.
                  event.preventDefault();
                  const target = document.getElementById(item.targetId!);
                  target?.focus();
                  target?.scrollIntoView({ block: 'center' });
                }}
              >
                {item.message}
              </a>
            ) : (
              item.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
