import { useEffect, useRef } from 'react';
import { listItem, type ListItem } from './draft';
import { ErrorMessage } from './fields';
import type { FormApi } from './form';

/** Names of a draft's list fields. */
export type ListKeys<D> = { [K in keyof D]-?: D[K] extends ListItem[] ? K : never }[keyof D] & string;

type Part = 'input' | 'up' | 'down' | 'remove' | 'add';

interface ListEditorProps<D> {
  form: FormApi<D>;
  name: ListKeys<D>;
  /** "Learning outcomes" */
  legend: string;
  /** "learning outcome": labels each line "Learning outcome 1" and names its buttons. */
  itemNoun: string;
  /** "Add outcome" */
  addLabel: string;
  hint?: string;
  /** Names to choose from as each line is typed (the office's facilitators); a new one can still be written. */
  suggestions?: readonly string[];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * An ordered list of short texts: add, remove and move lines, all by keyboard.
 * Focus follows the line that moved, so a keyboard user does not lose their place.
 */
export function ListEditor<D>({ form, name, legend, itemNoun, addLabel, hint, suggestions }: ListEditorProps<D>) {
  const items = form.draft[name] as ListItem[];
  const listId = form.idFor(name);
  const container = useRef<HTMLFieldSetElement>(null);
  const pendingFocus = useRef<{ key: string; part: Part; fallback?: Part } | null>(null);
  // Lines someone has typed in: only those show an error on leaving them.
  const typed = useRef(new Set<string>(items.filter((item) => item.text !== '').map((item) => item.key)));

  useEffect(() => {
    const pending = pendingFocus.current;
    if (!pending) return;
    pendingFocus.current = null;
    const find = (part: Part) =>
      container.current?.querySelector<HTMLElement>(`[data-focus="${part === 'add' ? 'add' : `${pending.key}:${part}`}"]`);
    const candidates = [pending.part, pending.fallback, 'input' as const].filter((part): part is Part => !!part);
    for (const part of candidates) {
      const element = find(part);
      if (element && !(element as HTMLButtonElement).disabled) {
        element.focus();
        return;
      }
    }
  });

  const update = (next: ListItem[]) => form.set(name, next as D[typeof name]);

  const add = () => {
    const item = listItem();
    pendingFocus.current = { key: item.key, part: 'input' };
    update([...items, item]);
  };

  const remove = (index: number) => {
    const neighbour = items[index + 1] ?? items[index - 1];
    pendingFocus.current = neighbour ? { key: neighbour.key, part: 'input' } : { key: '', part: 'add' };
    if (!neighbour) form.touch(name);
    update(items.filter((_, i) => i !== index));
  };

  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    const moving = items[index];
    const other = items[target];
    if (!moving || !other) return;
    const next = [...items];
    next[target] = moving;
    next[index] = other;
    pendingFocus.current = { key: moving.key, part: by < 0 ? 'up' : 'down', fallback: by < 0 ? 'down' : 'up' };
    update(next);
  };

  const listError = form.errorFor(name);
  const hintId = hint ? `${listId}-hint` : undefined;
  const errorId = listError ? `${listId}-error` : undefined;
  const suggestionsId = suggestions && suggestions.length > 0 ? `${listId}-suggestions` : undefined;

  return (
    <fieldset
      ref={container}
      className={listError ? 'field list-editor field--error' : 'field list-editor'}
      aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
    >
      <legend className="field__label">{legend}</legend>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      <ErrorMessage id={errorId} message={listError} />
      {suggestionsId && (
        <datalist id={suggestionsId}>
          {suggestions!.map((suggestion) => (
            <option key={suggestion} value={suggestion} />
          ))}
        </datalist>
      )}
      {items.length > 0 && (
        <ol className="list-editor__items">
          {items.map((item, index) => {
            const path = `${name}.${index}`;
            const inputId = form.idFor(path);
            const touchKey = `${name}#${item.key}`;
            const error = form.errorFor(path, touchKey);
            const itemErrorId = error ? `${inputId}-error` : undefined;
            const label = `${capitalise(itemNoun)} ${index + 1}`;
            const which = <span className="visually-hidden"> {label.toLowerCase()}</span>;
            return (
              <li key={item.key} className={error ? 'list-editor__item field--error' : 'list-editor__item'}>
                <label className="field__label" htmlFor={inputId}>
                  {label}
                </label>
                <ErrorMessage id={itemErrorId} message={error} />
                <div className="list-editor__row">
                  <input
                    id={inputId}
                    data-focus={`${item.key}:input`}
                    className="input list-editor__input"
                    type="text"
                    autoComplete="off"
                    list={suggestionsId}
                    value={item.text}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={itemErrorId}
                    onChange={(event) => {
                      typed.current.add(item.key);
                      update(items.map((line) => (line.key === item.key ? { ...line, text: event.target.value } : line)));
                    }}
                    // Leaving a line just added, before writing anything in it, is not a mistake yet: its
                    // error waits for a name to be typed (and rubbed out) or for the form to be sent.
                    onBlur={() => {
                      if (typed.current.has(item.key)) form.touch(touchKey);
                    }}
                  />
                  <div className="list-editor__buttons">
                    <button
                      type="button"
                      className="button button--secondary"
                      data-focus={`${item.key}:up`}
                      disabled={index === 0}
                      onClick={() => move(index, -1)}
                    >
                      Move up{which}
                    </button>
                    <button
                      type="button"
                      className="button button--secondary"
                      data-focus={`${item.key}:down`}
                      disabled={index === items.length - 1}
                      onClick={() => move(index, 1)}
                    >
                      Move down{which}
                    </button>
                    <button
                      type="button"
                      className="button button--warning"
                      data-focus={`${item.key}:remove`}
                      onClick={() => remove(index)}
                    >
                      Remove{which}
                    </button>
                  </div>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <button
        type="button"
        id={listId}
        data-focus="add"
        className="button button--secondary"
        aria-describedby={errorId}
        onClick={add}
      >
        {addLabel}
      </button>
    </fieldset>
  );
}
