import { useState } from 'react';
import { useLocation } from 'wouter';
import { call } from '../../api/client';
import { readChosenFile } from '../../components/files';
import { useAnnounce } from '../../components/status';
import { FileForm } from './FileForm';
import { ImportResults, resultsText, type FileResult } from './ImportResults';
import { problemText } from './words';

interface Progress {
  done: number;
  total: number;
  fileName: string;
}

/**
 * Files from laptops chosen by hand, imported one at a time: each is read
 * only when its turn comes, so a stick of large files does not fill memory,
 * and a refused file does not stop the rest.
 */
export function ImportFiles({ onImported }: { onImported(): void }) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [results, setResults] = useState<FileResult[]>([]);
  const announce = useAnnounce();
  const [location] = useLocation();

  const importAll = async (files: File[]) => {
    setResults([]);
    const finished: FileResult[] = [];
    for (const [index, file] of files.entries()) {
      setProgress({ done: index, total: files.length, fileName: file.name });
      let result: FileResult;
      try {
        const outcome = await call('sync.importFile', await readChosenFile(file));
        result = { fileName: file.name, outcome, refusal: null };
      } catch (error) {
        result = { fileName: file.name, outcome: null, refusal: problemText(error, 'Nothing of this file was imported.') };
      }
      finished.push(result);
      setResults([...finished]);
    }
    setProgress(null);
    announce(`Import finished. ${resultsText(finished)}`, location);
    onImported();
  };

  return (
    <section className="sync-section" aria-labelledby="import-files-heading">
      <h2 id="import-files-heading">Import files from laptops</h2>
      <p>Choose one or many end-of-day files. Each is checked before anything of it is imported; the same file twice is harmless.</p>
      <FileForm
        label="End-of-day files"
        hint="You can choose many files at once, in any order."
        multiple
        submitLabel="Import"
        busyLabel="Importing…"
        whenEmpty="Choose at least one end-of-day file to import."
        onFiles={importAll}
      />
      <div className="import-progress" aria-live="polite">
        {progress && (
          <>
            <p>
              Importing {progress.done + 1} of {progress.total}: <span className="file-name">{progress.fileName}</span>
            </p>
            <progress className="import-progress__bar" max={progress.total} value={progress.done} aria-label="Files imported so far" />
          </>
        )}
      </div>
      {results.length > 0 && (
        <>
          <h3>{progress ? 'Imported so far' : 'What happened to each file'}</h3>
          <ImportResults results={results} label="Files imported, in order" />
        </>
      )}
    </section>
  );
}
