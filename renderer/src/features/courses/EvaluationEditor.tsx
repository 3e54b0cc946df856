import { useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { procedures, type Course, type EvaluationTemplate } from '../../../../shared/contract';
import { call } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { ErrorMessage, TextField } from '../../components/fields';
import { useForm } from '../../components/form';
import { LoadFailed, Loading, Page } from '../../components/Page';
import { useAnnounce } from '../../components/status';
import { useAsync } from '../../components/useAsync';
import { ItemEditor } from './ItemEditor';
import { OnlyAtOffice } from './KeptByOffice';
import { IfMayCall } from '../staff/IfMayCall';
import { checkTemplate, fromItems, newItem, outcomeItem, toItems, type DraftItem, type TemplateDraft } from './templateDraft';
import '../../styles/evaluation.css';
import './evaluation-editor.css';

type Part = 'up' | 'down' | 'remove' | 'option' | 'add';

function Editor({ course, template }: { course: Course; template: EvaluationTemplate }) {
  const [version, setVersion] = useState({ number: template.version, stored: template.stored });
  const [saved, setSaved] = useState<string | null>(null);
  const announce = useAnnounce();
  const [location] = useLocation();
  const form = useForm({
    id: 'template',
    initial: fromItems(template.items, template.followUpWeeks),
    schema: procedures['evaluations.saveTemplate'].input,
    toInput: (draft: TemplateDraft) => ({ courseId: course.id, items: toItems(draft), followUpWeeks: Number(draft.followUpWeeks.trim()) }),
    check: checkTemplate,
  });
  const items = form.draft.items;
  const list = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<{ key: string; part: Part; fallback?: Part } | null>(null);

  // After a move, focus stays on the button that moved the question; after a removal it goes to the next one.
  useEffect(() => {
    const pending = pendingFocus.current;
    if (!pending) return;
    pendingFocus.current = null;
    for (const part of [pending.part, pending.fallback, 'add' as const]) {
      if (!part) continue;
      const selector = part === 'add' ? '[data-focus="add"]' : `[data-focus="${pending.key}:${part}"]`;
      const element = list.current?.querySelector<HTMLButtonElement>(selector);
      if (element && !element.disabled) return element.focus();
    }
  });

  const update = (next: DraftItem[]) => {
    setSaved(null);
    form.set('items', next);
  };
  const move = (index: number, by: -1 | 1) => {
    const moving = items[index];
    const other = items[index + by];
    if (!moving || !other) return;
    const next = [...items];
    next[index + by] = moving;
    next[index] = other;
    pendingFocus.current = { key: moving.key, part: by < 0 ? 'up' : 'down', fallback: by < 0 ? 'down' : 'up' };
    update(next);
  };
  const remove = (index: number) => {
    const neighbour = items[index + 1] ?? items[index - 1];
    pendingFocus.current = neighbour ? { key: neighbour.key, part: 'remove' } : { key: '', part: 'add' };
    update(items.filter((_, at) => at !== index));
  };
  const add = (item: DraftItem) => {
    update([...items, item]);
    // The new question's first box.
    window.setTimeout(() => document.getElementById(form.idFor(`items.${items.length}.text.en`))?.focus(), 0);
  };

  const rated = new Set(items.flatMap((item) => (item.kind === 'outcome_rating' ? [item.outcomeId] : [])));
  const unrated = course.learningOutcomes.filter((outcome) => !rated.has(outcome.id));
  const outcomeText = new Map(course.learningOutcomes.map((outcome) => [outcome.id, outcome.text]));
  const listError = form.errorFor('items');

  const save = form.onSubmit(async (input) => {
    const result = await call('evaluations.saveTemplate', input);
    setVersion({ number: result.version, stored: true });
    const message = `Saved as version ${result.version}. Earlier responses keep the version they answered.`;
    setSaved(message);
    announce(message, location);
  });

  return (
    <>
      <p className="lead">
        Version {version.number}
        {version.stored ? '.' : ': made from the course’s learning outcomes, not changed yet.'}
      </p>
      <p>
        Participants answer these questions in this order, one at a time at the kiosk: those asked before the session right
        after they sign in, those asked after it at the end, and the follow-up ones some weeks later. Arabic and Polish are
        optional: where a box is empty, participants see the English. Saving makes a new version; answers already given keep
        the version they answered.
      </p>
      {saved && (
        <div className="notice eval-saved">
          <p>{saved}</p>
        </div>
      )}
      <form className="record-form template-form" noValidate onSubmit={save}>
        <ErrorSummary form={form} />
        <TextField
          form={form}
          name="followUpWeeks"
          label="Weeks from the session to the follow-up"
          hint="The follow-up questions are due this many weeks after the session; 12 unless you change it."
          inputMode="numeric"
          width="short"
          maxLength={3}
        />
        <div ref={list}>
          <ErrorMessage id={listError ? 'template-items-error' : undefined} message={listError} />
          <ol className="template-items">
            {items.map((item, index) => (
              <ItemEditor
                key={item.key}
                form={form}
                item={item}
                index={index}
                count={items.length}
                outcomeText={item.kind === 'outcome_rating' ? outcomeText.get(item.outcomeId) : undefined}
                change={(changed) => update(items.map((line) => (line.key === item.key ? changed : line)))}
                move={(by) => move(index, by)}
                remove={() => remove(index)}
              />
            ))}
          </ol>
          <h2 className="template-add__title">Add a question</h2>
          <div className="template-add">
            <button
              type="button"
              id={form.idFor('items')}
              className="button button--secondary"
              data-focus="add"
              onClick={() => add(newItem('free_text'))}
            >
              Add a written question
            </button>
            <button type="button" className="button button--secondary" onClick={() => add(newItem('single_choice'))}>
              Add a single-choice question
            </button>
            {unrated.map((outcome) => (
              <button key={outcome.id} type="button" className="button button--secondary" onClick={() => add(outcomeItem(outcome))}>
                Add a rating for “{outcome.text}”
              </button>
            ))}
          </div>
        </div>
        <div className="form-actions">
          {/* Opened by its address, a viewer on the office server reads the questions; the core would refuse the save. */}
          <IfMayCall name="evaluations.saveTemplate">
            <button type="submit" className="button" aria-disabled={form.saving || undefined}>
              {form.saving ? 'Saving…' : 'Save as a new version'}
            </button>
          </IfMayCall>
          <Link href={`/courses/${course.id}`} className="form-actions__cancel">
            Back to the course
          </Link>
        </div>
      </form>
    </>
  );
}

function EvaluationScreen({ courseId }: { courseId: string }) {
  const state = useAsync(async () => {
    const [course, template] = await Promise.all([call('courses.get', { id: courseId }), call('evaluations.template', { courseId })]);
    return { course, template };
  }, [courseId]);
  return (
    <Page title={state.status === 'ready' ? `Evaluation: ${state.data.course.title}` : 'Edit evaluation'}>
      {state.status === 'loading' && <Loading what="the evaluation" />}
      {state.status === 'failed' && (
        <>
          <LoadFailed message={state.message} />
          <p>
            <Link href="/courses">Back to courses</Link>
          </p>
        </>
      )}
      {state.status === 'ready' && <Editor course={state.data.course} template={state.data.template} />}
    </Page>
  );
}

/** The course's evaluation questions (`#/courses/:id/evaluation`): edit, reorder, translate, save a new version. */
export function EvaluationEditor({ courseId }: { courseId: string }) {
  return (
    <OnlyAtOffice
      title="Evaluations are kept by the central office"
      what="the courses' evaluation questions"
      back={{ href: '/courses', label: 'Back to courses' }}
    >
      <EvaluationScreen courseId={courseId} />
    </OnlyAtOffice>
  );
}
