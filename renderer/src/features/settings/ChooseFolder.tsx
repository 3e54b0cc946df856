import { bridge } from '../../api/transport';

/**
 * "Choose folder…" beside a folder's path field: the operating system's
 * folder picker in the desktop app, which fills the field in. The web host
 * has no picker (a browser cannot hand over a folder's path), so there the
 * button is left out and the path is typed as before. Nothing is saved until
 * the form is.
 */
export function ChooseFolderButton({ title, onChosen }: { title: string; onChosen(path: string): void }) {
  const chooseFolder = bridge.chooseFolder;
  if (!chooseFolder) return null;
  return (
    <button
      type="button"
      className="button button--secondary"
      onClick={() => {
        void chooseFolder(title).then((path) => {
          if (path) onChosen(path);
        });
      }}
    >
      Choose folder…
    </button>
  );
}
